package parc.orchestrator.pkg;

/** A package that deployments refer to cannot be deleted. */
public class PackageInUseException extends RuntimeException {

	public PackageInUseException(String label, String version) {
		super("Package " + label + " " + version + " is used by deployments and cannot be deleted");
	}

}
