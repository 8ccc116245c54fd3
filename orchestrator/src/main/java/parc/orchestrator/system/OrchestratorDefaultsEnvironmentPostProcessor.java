package parc.orchestrator.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * Adds {@code parc-orchestrator-defaults.yml} as the last property source. The
 * orchestrator owns its engine, Quartz and database defaults, and every application that
 * embeds it (the app, each module's tests) gets the same ones without copying them;
 * anything else configured anywhere wins. Registered in
 * {@code META-INF/spring.factories}.
 */
class OrchestratorDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String RESOURCE = "parc-orchestrator-defaults.yml";

	private static final String NODE_NAME = "parc.node.name";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))
				.forEach((source) -> environment.getPropertySources().addLast(source));
			// Resolved here rather than in a bean: the logs, the database connections and
			// the engine name the node before any bean exists.
			if (!StringUtils.hasText(environment.getProperty(NODE_NAME))) {
				environment.getPropertySources()
					.addLast(new MapPropertySource("parcNodeName", Map.of(NODE_NAME, defaultNodeName())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + RESOURCE, ex);
		}
	}

	/** The host's name, cut to what PostgreSQL keeps of an application name. */
	static String defaultNodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "parc";
		}
		host = host.replaceAll("[^A-Za-z0-9._-]", "-");
		return host.substring(0, Math.min(63, host.length()));
	}

}
