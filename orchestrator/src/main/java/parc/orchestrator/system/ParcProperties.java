package parc.orchestrator.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Parc's top-level settings ({@code parc.*}).
 *
 * @param dataDir folder holding everything Parc keeps on disk: the embedded PostgreSQL
 * cluster, the first-start administrator password and, later, keys and packages. Relative
 * paths resolve against the working directory.
 */
@ConfigurationProperties("parc")
public record ParcProperties(Path dataDir) {

	public ParcProperties {
		if (dataDir == null) {
			dataDir = Path.of("data");
		}
		dataDir = dataDir.toAbsolutePath().normalize();
	}

}
