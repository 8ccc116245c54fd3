package parc.orchestrator.notification;

/** How a notification goes out. The names are what a process gives in its input. */
public enum NotificationChannel {

	/** A line in Parc's log, and in the machine's deployment log when there is one. */
	LOG,

	/** An e-mail through the SMTP server of {@code spring.mail.*}. */
	EMAIL,

	/** A JSON POST to a URL of {@code parc.notify.allowed-urls}. */
	HTTP

}
