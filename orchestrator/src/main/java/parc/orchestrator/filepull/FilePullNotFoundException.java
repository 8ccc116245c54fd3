package parc.orchestrator.filepull;

/** No file pull has this identifier, or its file is not ready. */
public class FilePullNotFoundException extends RuntimeException {

	public FilePullNotFoundException(long id, String why) {
		super("File pull " + id + " " + why);
	}

}
