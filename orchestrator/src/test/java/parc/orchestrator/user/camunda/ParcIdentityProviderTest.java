package parc.orchestrator.user.camunda;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's own IdentityService, as Cockpit's login uses it, answers from Parc's
 * accounts.
 */
@PostgresBackedTest
class ParcIdentityProviderTest {

	@Autowired
	IdentityService identityService;

	@Autowired
	UserAccountService accounts;

	@Test
	void shouldCheckCockpitPasswordsAgainstParcAccounts() {
		String username = "ops" + UUID.randomUUID().toString().substring(0, 6);
		GeneratedPassword password = this.accounts.create(new NewUserAccount(username, Role.ADMIN));

		assertThat(this.identityService.checkPassword(username, password.password())).isTrue();
		assertThat(this.identityService.checkPassword(username, "wrong")).isFalse();

		this.accounts.setEnabled(username, false);
		assertThat(this.identityService.checkPassword(username, password.password())).isFalse();
		assertThat(this.identityService.createUserQuery().userId(username).count()).isZero();
	}

	@Test
	void shouldPutAdministratorsInCamundaAdminAndReadersInParcUsers() {
		String admin = "boss" + UUID.randomUUID().toString().substring(0, 6);
		String reader = "reader" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUserAccount(admin, Role.ADMIN));
		this.accounts.create(new NewUserAccount(reader, Role.USER));

		assertThat(this.identityService.createGroupQuery().groupMember(admin).singleResult().getId())
			.isEqualTo(Groups.CAMUNDA_ADMIN);
		assertThat(this.identityService.createGroupQuery().groupMember(reader).singleResult().getId())
			.isEqualTo(CamundaGroups.USERS);
		assertThat(this.identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
			.extracting(User::getId)
			.contains(admin, "admin")
			.doesNotContain(reader);
		assertThat(this.identityService.createUserQuery().userFirstNameLike("reader%").list()).extracting(User::getId)
			.contains(reader);
	}

	@Test
	void shouldPageUserQueries() {
		long total = this.identityService.createUserQuery().count();

		assertThat(this.identityService.createUserQuery().listPage(0, 1)).hasSize(1);
		assertThat(this.identityService.createUserQuery().listPage((int) total, 10)).isEmpty();
	}

}
