package parc.orchestrator.notification;

/**
 * The contract of the notify step (the element template {@code parc.notify}): its
 * external-task topic, the input parameters it reads and the variables it leaves.
 */
public final class NotificationVariables {

	/** The external-task topic the notification worker serves. */
	public static final String TOPIC = "parc-notify";

	/** Input: LOG, EMAIL or HTTP. */
	public static final String CHANNEL = "notifyChannel";

	/** Input: the text (expressions such as {@code ${machineName}} are evaluated). */
	public static final String MESSAGE = "notifyMessage";

	/** Input, EMAIL: the addresses, separated by commas. */
	public static final String RECIPIENTS = "notifyTo";

	/** Input, EMAIL and HTTP: a subject line ("Parc" if absent). */
	public static final String SUBJECT = "notifySubject";

	/** Input, HTTP: where to POST; it must start with an allowed URL. */
	public static final String URL = "notifyUrl";

	/** Output: SENT or FAILED; a failed notification never stops the process. */
	public static final String OUTCOME = "notifyOutcome";

	/** Output: what happened, in a sentence. */
	public static final String DETAIL = "notifyDetail";

	/** Context, when the process has it: the deployment's id. */
	public static final String DEPLOYMENT_ID = "deploymentId";

	/** Context, when the process has it: the machine's name. */
	public static final String MACHINE_NAME = "machineName";

	static final String[] FETCHED = { CHANNEL, MESSAGE, RECIPIENTS, SUBJECT, URL, DEPLOYMENT_ID, MACHINE_NAME };

	private NotificationVariables() {
	}

}
