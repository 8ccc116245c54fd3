package parc.orchestrator.pkg;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.packages.*}.
 *
 * @param dir the package depot: {@code <shared folder>/packages} when empty; on several
 * nodes, a folder every node sees (the shared folder does)
 * @param store where package files are kept ({@code <dir>/store} when empty)
 * @param importRoot the server folder whose subfolders can become packages
 * ({@code <dir>/import} when empty); nothing outside it is read
 * @param maxFiles most files in one package (10,000)
 * @param maxBytes largest total size of one package, also what an archive may unpack to
 * (8 GiB)
 */
@ConfigurationProperties("parc.packages")
public record PackageProperties(Path dir, Path store, Path importRoot, Integer maxFiles, Long maxBytes) {

	public PackageProperties {
		maxFiles = (maxFiles != null) ? maxFiles : 10_000;
		maxBytes = (maxBytes != null) ? maxBytes : 8L * 1024 * 1024 * 1024;
	}

}
