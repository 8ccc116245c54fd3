package parc.orchestrator.credential;

/** A credential's secret is missing or unusable; the message names the field and why. */
public class InvalidCredentialException extends IllegalArgumentException {

	private final String field;

	public InvalidCredentialException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The JSON field at fault: {@code privateKey}, {@code passphrase} or
	 * {@code password}.
	 */
	public String field() {
		return this.field;
	}

}
