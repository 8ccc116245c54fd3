package parc.orchestrator.pkg;

/**
 * One file of a package's manifest.
 *
 * @param path relative path inside the package, {@code /} separated
 * @param size bytes
 * @param sha256 lower-case hex digest
 */
public record PackageFile(String path, long size, String sha256) {

}
