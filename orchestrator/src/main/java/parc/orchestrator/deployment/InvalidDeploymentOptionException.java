package parc.orchestrator.deployment;

/**
 * A deployment option cannot be used as given; the message says why, for the field named.
 */
public class InvalidDeploymentOptionException extends IllegalArgumentException {

	private final String field;

	public InvalidDeploymentOptionException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The option at fault, as named in the JSON ({@code intervals}, {@code attempts}...).
	 */
	public String field() {
		return this.field;
	}

}
