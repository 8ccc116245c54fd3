package parc.orchestrator.pkg;

/** A package cannot be made from what was given; the message says why. */
public class InvalidPackageException extends IllegalArgumentException {

	private final String field;

	public InvalidPackageException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The field or part at fault: {@code files}, {@code archive}, {@code serverFolder},
	 * {@code label}...
	 */
	public String field() {
		return this.field;
	}

}
