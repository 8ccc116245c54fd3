package parc.orchestrator.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Who this node is, for this run: its name, an id of this start (a node restarted under
 * the same name is a new incarnation), where it is reached and what it runs.
 */
@Component
public class ThisNode {

	private final String name;

	private final UUID incarnation = UUID.randomUUID();

	private final String address;

	private final String version;

	private final Instant startedAt;

	ThisNode(NodeProperties properties, Optional<BuildProperties> build, @Value("${server.port:8080}") String port,
			Optional<Clock> clock) {
		this.name = properties.name();
		this.address = (properties.address() != null && !properties.address().isBlank()) ? properties.address()
				: hostName() + ":" + port;
		this.version = build.map(BuildProperties::getVersion).orElse("development");
		this.startedAt = clock.orElse(Clock.systemUTC()).instant();
	}

	public String name() {
		return this.name;
	}

	public UUID incarnation() {
		return this.incarnation;
	}

	public String address() {
		return this.address;
	}

	public String version() {
		return this.version;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "parc";
		}
	}

}
