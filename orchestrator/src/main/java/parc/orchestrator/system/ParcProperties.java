package parc.orchestrator.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Parc's top-level settings ({@code parc.*}).
 *
 * @param dataDir folder holding what is this node's own: the embedded PostgreSQL cluster,
 * the first-start administrator password, the watched import folders. Relative paths
 * resolve against the working directory.
 * @param sharedDir folder holding what every node of a cluster must see the same: the
 * vault's key, the deployment server's CA, packages and what is built from them, pulled
 * files. The data folder unless set; on several nodes, one shared folder (NFS or the
 * like) given to each.
 */
@ConfigurationProperties("parc")
public record ParcProperties(Path dataDir, Path sharedDir) {

	@ConstructorBinding
	public ParcProperties {
		if (dataDir == null) {
			dataDir = Path.of("data");
		}
		dataDir = dataDir.toAbsolutePath().normalize();
		sharedDir = (sharedDir != null) ? sharedDir.toAbsolutePath().normalize() : dataDir;
	}

	/** One node: everything in its data folder. */
	public ParcProperties(Path dataDir) {
		this(dataDir, null);
	}

}
