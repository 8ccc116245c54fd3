package parc.orchestrator.teledeployment;

/** A mirror that cannot be added as given; names the field. */
public class InvalidMirrorException extends RuntimeException {

	private final String field;

	public InvalidMirrorException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
