package parc.orchestrator.user;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Creates, lists and changes user accounts, and checks passwords for every login path
 * (console, API, Cockpit). Passwords are generated here and returned once; only a bcrypt
 * hash is stored. There is always at least one enabled administrator: changes that would
 * remove the last one are refused with a {@link UserAccountException}.
 */
@Service
@Validated
public class UserAccountService {

	/** Also what Camunda accepts as a user id in its webapps. */
	public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	public static final int MIN_PASSWORD_LENGTH = 12;

	/**
	 * bcrypt reads at most 72 bytes; longer passphrases are accepted but only that prefix
	 * counts.
	 */
	public static final int MAX_PASSWORD_LENGTH = 128;

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	UserAccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
	}

	public List<UserAccount> findAll() {
		return this.accounts.findAll();
	}

	public Optional<UserAccount> find(String username) {
		return this.accounts.find(username);
	}

	public UserAccount get(String username) {
		return this.accounts.find(username).orElseThrow(() -> new UserAccountNotFoundException(username));
	}

	/**
	 * Whether the account exists, is enabled, is not locked after repeated failures, and
	 * the password matches; the Camunda webapps' login path. A wrong password counts
	 * toward the lock. Never throws for a wrong user.
	 */
	public boolean checkPassword(String username, String rawPassword) {
		if (username == null || rawPassword == null || this.throttle.isLocked(username)) {
			return false;
		}
		boolean matches = this.accounts.findPasswordHash(username)
			.map((hash) -> this.passwordEncoder.matches(rawPassword, hash))
			.orElse(false);
		if (matches) {
			this.throttle.succeeded(username);
		}
		else {
			this.throttle.failed(username);
		}
		return matches;
	}

	@Transactional
	public GeneratedPassword create(@Valid NewUserAccount account) {
		GeneratedPassword password = GeneratedPassword.forUser(account.username());
		if (!this.accounts.insert(account.username(), this.passwordEncoder.encode(password.password()),
				account.role())) {
			throw UserAccountException.duplicate(account.username());
		}
		return password;
	}

	/**
	 * Creates the first administrator if there is no account at all, for the first start
	 * of a new installation.
	 * @return the generated password, or empty when accounts already exist
	 */
	@Transactional
	public Optional<GeneratedPassword> createFirstAdministrator(String username) {
		this.accounts.lockAccounts();
		if (!this.accounts.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(create(new NewUserAccount(username, Role.ADMIN)));
	}

	/**
	 * A user sets their own password. The current one is required (and a wrong one counts
	 * toward the login lock); the new one must be {@value #MIN_PASSWORD_LENGTH} to
	 * {@value #MAX_PASSWORD_LENGTH} characters and differ from the user name.
	 * @throws UserAccountException with the reason's message key
	 */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		if (!checkPassword(username, currentPassword)) {
			throw new UserAccountException("account.error.currentPassword", "The current password is wrong");
		}
		if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH
				|| newPassword.length() > MAX_PASSWORD_LENGTH) {
			throw new UserAccountException("account.error.length",
					"The new password must have " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
		}
		if (newPassword.equalsIgnoreCase(username)) {
			throw new UserAccountException("account.error.sameAsName", "The new password must not be the user name");
		}
		this.accounts.updatePasswordHash(username, this.passwordEncoder.encode(newPassword));
	}

	@Transactional
	public GeneratedPassword resetPassword(String username) {
		get(username);
		GeneratedPassword password = GeneratedPassword.forUser(username);
		this.accounts.updatePasswordHash(username, this.passwordEncoder.encode(password.password()));
		return password;
	}

	@Transactional
	public void changeRole(String username, Role role) {
		this.accounts.lockAccounts();
		UserAccount account = get(username);
		if (account.isAdmin() && role != Role.ADMIN && account.enabled()) {
			requireAnotherAdministrator(username);
		}
		this.accounts.updateRole(username, role);
	}

	@Transactional
	public void setEnabled(String username, boolean enabled) {
		this.accounts.lockAccounts();
		UserAccount account = get(username);
		if (!enabled && account.isAdmin()) {
			requireAnotherAdministrator(username);
		}
		this.accounts.updateEnabled(username, enabled);
	}

	private void requireAnotherAdministrator(String username) {
		if (this.accounts.countEnabledAdminsOtherThan(username) == 0) {
			throw UserAccountException.lastAdministrator();
		}
	}

}
