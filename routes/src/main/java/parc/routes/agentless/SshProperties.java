package parc.routes.agentless;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.ssh.*}: the SSH client's timeouts.
 *
 * @param connectTimeout TCP connection and SSH negotiation (10 s)
 * @param authTimeout key exchange and authentication (15 s)
 * @param keepAlive idle keep-alive interval, 0 to disable (30 s)
 * @param maxHandshakes connections in key exchange and authentication at once (32); the
 * others wait their turn before their timeouts start
 */
@ConfigurationProperties("parc.ssh")
public record SshProperties(Duration connectTimeout, Duration authTimeout, Duration keepAlive, Integer maxHandshakes) {

	public SshProperties {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
		authTimeout = (authTimeout != null) ? authTimeout : Duration.ofSeconds(15);
		keepAlive = (keepAlive != null) ? keepAlive : Duration.ofSeconds(30);
		maxHandshakes = (maxHandshakes != null) ? maxHandshakes : 32;
	}

}
