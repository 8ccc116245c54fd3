package parc.orchestrator.credential;

/** Another credential already has this name. */
public class DuplicateCredentialNameException extends RuntimeException {

	public DuplicateCredentialNameException(String name) {
		super("A credential named \"" + name + "\" already exists");
	}

}
