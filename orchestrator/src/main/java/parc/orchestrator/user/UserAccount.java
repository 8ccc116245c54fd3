package parc.orchestrator.user;

import java.time.Instant;

/**
 * A person or API client who logs in to Parc. The password hash never leaves the
 * {@code user} feature.
 *
 * @param username unique login name
 * @param role what the account may do
 * @param enabled a disabled account cannot log in anywhere (console, API, Cockpit)
 * @param createdAt when the account was created
 * @param updatedAt when the account last changed
 */
public record UserAccount(String username, Role role, boolean enabled, Instant createdAt, Instant updatedAt) {

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

}
