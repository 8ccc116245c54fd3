package parc.orchestrator.group;

/**
 * A group expression that cannot be read: where, and why. The message reads "at position
 * 7: ...", counting characters from 1.
 */
public class InvalidGroupExpressionException extends IllegalArgumentException {

	private final int position;

	private final String reason;

	public InvalidGroupExpressionException(int position, String reason) {
		super("at position " + position + ": " + reason);
		this.position = position;
		this.reason = reason;
	}

	/** The character at fault, counted from 1. */
	public int position() {
		return this.position;
	}

	public String reason() {
		return this.reason;
	}

}
