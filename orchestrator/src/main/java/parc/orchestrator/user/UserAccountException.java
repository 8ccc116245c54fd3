package parc.orchestrator.user;

/**
 * A change to user accounts that Parc refuses, with a message key for the console and a
 * plain English message for logs and the API.
 */
public class UserAccountException extends RuntimeException {

	private final String messageKey;

	public UserAccountException(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

	static UserAccountException duplicate(String username) {
		return new UserAccountException("users.error.duplicate", "A user named '" + username + "' already exists");
	}

	static UserAccountException lastAdministrator() {
		return new UserAccountException("users.error.lastAdmin",
				"This is the last enabled administrator: enable or promote another one first");
	}

}
