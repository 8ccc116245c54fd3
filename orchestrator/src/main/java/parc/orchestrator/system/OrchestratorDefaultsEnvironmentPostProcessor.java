package parc.orchestrator.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code parc-orchestrator-defaults.yml} as the last property source. The
 * orchestrator owns its engine, Quartz and database defaults, and every application that
 * embeds it (the app, each module's tests) gets the same ones without copying them;
 * anything else configured anywhere wins. Registered in
 * {@code META-INF/spring.factories}.
 */
class OrchestratorDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String RESOURCE = "parc-orchestrator-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))
				.forEach((source) -> environment.getPropertySources().addLast(source));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + RESOURCE, ex);
		}
	}

}
