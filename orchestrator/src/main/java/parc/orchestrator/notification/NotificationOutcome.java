package parc.orchestrator.notification;

/** What a notify step leaves in {@link NotificationVariables#OUTCOME}. */
public enum NotificationOutcome {

	SENT, FAILED

}
