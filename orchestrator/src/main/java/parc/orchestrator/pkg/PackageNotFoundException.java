package parc.orchestrator.pkg;

/** No package has this identifier. */
public class PackageNotFoundException extends RuntimeException {

	public PackageNotFoundException(long id) {
		super("No package with id " + id);
	}

}
