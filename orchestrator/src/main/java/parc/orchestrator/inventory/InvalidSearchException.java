package parc.orchestrator.inventory;

/**
 * A search criterion Parc cannot run: unknown field, operator the field does not take, or
 * a value of the wrong kind. The message names the criterion by its position (from 1).
 */
public class InvalidSearchException extends IllegalArgumentException {

	public InvalidSearchException(int position, String reason) {
		super("Criterion " + position + ": " + reason);
	}

}
