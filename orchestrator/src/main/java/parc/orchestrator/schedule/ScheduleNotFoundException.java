package parc.orchestrator.schedule;

/** No schedule has this id. */
public class ScheduleNotFoundException extends RuntimeException {

	public ScheduleNotFoundException(long id) {
		super("No schedule " + id);
	}

}
