package parc.orchestrator.inventory;

/** An offline inventory file Parc refuses; the message says why, fit for the admin. */
public class InvalidInventoryFileException extends RuntimeException {

	public InvalidInventoryFileException(String reason) {
		super(reason);
	}

	public InvalidInventoryFileException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
