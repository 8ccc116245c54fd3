package parc.orchestrator.credential;

/** A credential still referenced by machines cannot be deleted. */
public class CredentialInUseException extends RuntimeException {

	public CredentialInUseException(String name, int machines) {
		super("Credential \"" + name + "\" is used by " + machines + " machine(s); point them to another one first");
	}

}
