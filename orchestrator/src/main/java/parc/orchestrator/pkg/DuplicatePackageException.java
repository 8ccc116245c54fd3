package parc.orchestrator.pkg;

/** The repository already has a package with this label and version. */
public class DuplicatePackageException extends RuntimeException {

	public DuplicatePackageException(String label, String version) {
		super("A package " + label + " " + version + " already exists: a new version needs another version number");
	}

}
