package parc.routes.notification;

/**
 * A send that failed but may work later: the SMTP or HTTP server was down or refused it.
 */
class NotificationFailedException extends Exception {

	NotificationFailedException(String reason) {
		super(reason);
	}

}
