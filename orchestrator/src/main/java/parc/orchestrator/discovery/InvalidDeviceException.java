package parc.orchestrator.discovery;

/** A request about a device that cannot be done; names the field at fault. */
public class InvalidDeviceException extends RuntimeException {

	private final String field;

	public InvalidDeviceException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
