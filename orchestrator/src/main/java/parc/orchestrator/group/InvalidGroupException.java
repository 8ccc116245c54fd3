package parc.orchestrator.group;

/**
 * A group Parc cannot save as given, naming the JSON field to fix:
 * {@code criteria[2].value}, {@code machineIds}, {@code expression}...
 */
public class InvalidGroupException extends IllegalArgumentException {

	private final String field;

	public InvalidGroupException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
