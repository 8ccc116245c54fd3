package parc.orchestrator.user;

/** No account has this user name. */
public class UserAccountNotFoundException extends RuntimeException {

	public UserAccountNotFoundException(String username) {
		super("No user account named '" + username + "'");
	}

}
