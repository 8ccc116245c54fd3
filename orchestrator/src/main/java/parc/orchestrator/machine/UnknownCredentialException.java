package parc.orchestrator.machine;

/** A machine names a credential that does not exist. */
public class UnknownCredentialException extends IllegalArgumentException {

	public UnknownCredentialException(long credentialId) {
		super("credentialId: no credential with id " + credentialId);
	}

}
