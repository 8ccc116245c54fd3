package parc.orchestrator.notification;

/**
 * A notify step whose inputs or destination cannot be used: sending again would not help,
 * so it fails at once, with this reason in the machine's log.
 */
public class NotificationRefusedException extends RuntimeException {

	public NotificationRefusedException(String reason) {
		super(reason);
	}

}
