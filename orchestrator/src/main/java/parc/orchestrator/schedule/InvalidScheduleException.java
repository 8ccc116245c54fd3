package parc.orchestrator.schedule;

/**
 * A schedule Parc cannot save as given, naming the JSON field to fix ({@code cron},
 * {@code everyHours}, {@code window}) and, for a cron, the position of the error in it
 * (0-based, -1 when the whole expression is at fault).
 */
public class InvalidScheduleException extends IllegalArgumentException {

	private final String field;

	private final int position;

	public InvalidScheduleException(String field, String message) {
		this(field, message, -1);
	}

	public InvalidScheduleException(String field, String message, int position) {
		super(message);
		this.field = field;
		this.position = position;
	}

	public String field() {
		return this.field;
	}

	public int position() {
		return this.position;
	}

}
