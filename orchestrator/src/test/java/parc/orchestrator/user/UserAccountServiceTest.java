package parc.orchestrator.user;

import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class UserAccountServiceTest {

	@Autowired
	UserAccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldHaveCreatedTheFirstAdministratorOnceAtStart() {
		assertThat(this.accounts.find("admin")).hasValueSatisfying((admin) -> {
			assertThat(admin.role()).isEqualTo(Role.ADMIN);
			assertThat(admin.enabled()).isTrue();
		});
		assertThat(this.accounts.createFirstAdministrator("someone-else")).isEmpty();
	}

	@Test
	void shouldCheckGeneratedPasswordAndStoreOnlyAHash() {
		String username = unique("alice");
		GeneratedPassword password = this.accounts.create(new NewUserAccount(username, Role.USER));

		assertThat(password.password()).hasSize(20);
		assertThat(this.accounts.checkPassword(username, password.password())).isTrue();
		assertThat(this.accounts.checkPassword(username, password.password() + "x")).isFalse();
		assertThat(this.userDetails.loadUserByUsername(username).getPassword()).startsWith("{bcrypt}")
			.doesNotContain(password.password());
		assertThat(password.toString()).doesNotContain(password.password());
	}

	@Test
	void shouldRefuseLoginOfDisabledAccount() {
		String username = unique("bob");
		GeneratedPassword password = this.accounts.create(new NewUserAccount(username, Role.USER));

		this.accounts.setEnabled(username, false);

		assertThat(this.accounts.checkPassword(username, password.password())).isFalse();
		assertThat(this.userDetails.loadUserByUsername(username).isEnabled()).isFalse();
	}

	@Test
	void shouldInvalidateOldPasswordWhenReset() {
		String username = unique("carol");
		GeneratedPassword first = this.accounts.create(new NewUserAccount(username, Role.ADMIN));

		GeneratedPassword second = this.accounts.resetPassword(username);

		assertThat(this.accounts.checkPassword(username, first.password())).isFalse();
		assertThat(this.accounts.checkPassword(username, second.password())).isTrue();
	}

	@Test
	void shouldRefuseDuplicateAndInvalidUsernames() {
		String username = unique("dave");
		this.accounts.create(new NewUserAccount(username, Role.USER));

		assertThatThrownBy(() -> this.accounts.create(new NewUserAccount(username, Role.ADMIN)))
			.isInstanceOf(UserAccountException.class)
			.hasFieldOrPropertyWithValue("messageKey", "users.error.duplicate");
		assertThatThrownBy(() -> this.accounts.create(new NewUserAccount("bad name;", Role.USER)))
			.isInstanceOf(ConstraintViolationException.class);
	}

	@Test
	void shouldNeverLeaveTheInstallationWithoutAnEnabledAdministrator() {
		String admin = unique("erin");
		this.accounts.create(new NewUserAccount(admin, Role.ADMIN));
		this.accounts.setEnabled(admin, false);
		// Only "admin" is left as an enabled administrator now (other tests' admins may
		// exist: disable them too).
		this.accounts.findAll()
			.stream()
			.filter((account) -> account.isAdmin() && account.enabled() && !account.username().equals("admin"))
			.forEach((account) -> this.accounts.setEnabled(account.username(), false));

		assertThatThrownBy(() -> this.accounts.setEnabled("admin", false)).isInstanceOf(UserAccountException.class)
			.hasFieldOrPropertyWithValue("messageKey", "users.error.lastAdmin");
		assertThatThrownBy(() -> this.accounts.changeRole("admin", Role.USER)).isInstanceOf(UserAccountException.class);

		this.accounts.setEnabled(admin, true);
		this.accounts.changeRole("admin", Role.USER);
		assertThat(this.accounts.get("admin").role()).isEqualTo(Role.USER);
		this.accounts.changeRole("admin", Role.ADMIN);
	}

	@Test
	void shouldLetUsersChooseTheirOwnPasswordWithTheCurrentOne() {
		String username = unique("frank");
		GeneratedPassword generated = this.accounts.create(new NewUserAccount(username, Role.USER));

		this.accounts.changeOwnPassword(username, generated.password(), "correct horse battery");

		assertThat(this.accounts.checkPassword(username, "correct horse battery")).isTrue();
		assertThat(this.accounts.checkPassword(username, generated.password())).isFalse();
	}

	@Test
	void shouldRefuseOwnPasswordChangeWithReasons() {
		String username = unique("grace");
		GeneratedPassword generated = this.accounts.create(new NewUserAccount(username, Role.USER));

		assertThatThrownBy(() -> this.accounts.changeOwnPassword(username, "not-the-current", "correct horse battery"))
			.hasFieldOrPropertyWithValue("messageKey", "account.error.currentPassword");
		assertThatThrownBy(() -> this.accounts.changeOwnPassword(username, generated.password(), "short"))
			.hasFieldOrPropertyWithValue("messageKey", "account.error.length");
		assertThatThrownBy(
				() -> this.accounts.changeOwnPassword(username, generated.password(), username.toUpperCase() + ""))
			.satisfiesAnyOf(
					(ex) -> assertThat(ex).hasFieldOrPropertyWithValue("messageKey", "account.error.sameAsName"),
					(ex) -> assertThat(ex).hasFieldOrPropertyWithValue("messageKey", "account.error.length"));
		assertThat(this.accounts.checkPassword(username, generated.password())).isTrue();
	}

}
