package parc.orchestrator.credential;

/** No credential has this identifier. */
public class CredentialNotFoundException extends RuntimeException {

	public CredentialNotFoundException(long id) {
		super("No credential with id " + id);
	}

}
