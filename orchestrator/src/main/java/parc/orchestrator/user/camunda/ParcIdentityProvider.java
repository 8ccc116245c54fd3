package parc.orchestrator.user.camunda;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import parc.orchestrator.user.UserAccount;
import parc.orchestrator.user.UserAccountService;

/**
 * Camunda's view of Parc's accounts, one instance per engine command. Read-only: accounts
 * are managed in Parc's console, Camunda Admin only shows them. Tenants are not used.
 */
class ParcIdentityProvider implements ReadOnlyIdentityProvider {

	private final UserAccountService accounts;

	ParcIdentityProvider(UserAccountService accounts) {
		this.accounts = accounts;
	}

	static User toCamundaUser(UserAccount account) {
		UserEntity user = new UserEntity(account.username());
		user.setFirstName(account.username());
		user.setLastName("");
		user.setEmail("");
		return user;
	}

	@Override
	public User findUserById(String userId) {
		return this.accounts.find(userId)
			.filter(UserAccount::enabled)
			.map(ParcIdentityProvider::toCamundaUser)
			.orElse(null);
	}

	@Override
	public UserQuery createUserQuery() {
		return new ParcUserQuery(commandExecutor(), this.accounts);
	}

	@Override
	public UserQuery createUserQuery(CommandContext commandContext) {
		return new ParcUserQuery(null, this.accounts);
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new BadUserRequestException("Native user queries are not supported: Parc manages its own accounts");
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		return this.accounts.checkPassword(userId, password);
	}

	@Override
	public Group findGroupById(String groupId) {
		return CamundaGroups.all().stream().filter((group) -> group.getId().equals(groupId)).findFirst().orElse(null);
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new ParcGroupQuery(commandExecutor(), this.accounts);
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext commandContext) {
		return new ParcGroupQuery(null, this.accounts);
	}

	@Override
	public Tenant findTenantById(String tenantId) {
		return null;
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new NoTenantQuery(commandExecutor());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new NoTenantQuery(null);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	private static CommandExecutor commandExecutor() {
		return Context.getProcessEngineConfiguration().getCommandExecutorTxRequired();
	}

}
