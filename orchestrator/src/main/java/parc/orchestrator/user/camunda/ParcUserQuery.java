package parc.orchestrator.user.camunda;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

import parc.orchestrator.user.UserAccount;
import parc.orchestrator.user.UserAccountService;

import static parc.orchestrator.user.camunda.InMemoryCriteria.like;
import static parc.orchestrator.user.camunda.InMemoryCriteria.when;

/**
 * Answers Camunda's user queries from Parc's accounts. Accounts are few (tens), so
 * filtering in memory is simpler and as fast as translating every criterion to SQL.
 */
class ParcUserQuery extends UserQueryImpl {

	private final transient UserAccountService accounts;

	ParcUserQuery(CommandExecutor commandExecutor, UserAccountService accounts) {
		super(commandExecutor);
		this.accounts = accounts;
	}

	@Override
	public long executeCount(CommandContext commandContext) {
		return matching().count();
	}

	@Override
	public List<User> executeList(CommandContext commandContext, Page page) {
		// listPage() leaves page null and keeps its bounds on the query itself.
		return matching().skip(getFirstResult()).limit(getMaxResults()).toList();
	}

	private Stream<User> matching() {
		if (this.tenantId != null || this.procDefId != null) {
			return Stream.empty();
		}
		return this.accounts.findAll()
			.stream()
			.filter(UserAccount::enabled)
			.filter(when(this.id, (account) -> account.username().equals(this.id)))
			.filter(when(this.ids, (account) -> Arrays.asList(this.ids).contains(account.username())))
			.filter(when(this.groupId, (account) -> CamundaGroups.groupOf(account).equals(this.groupId)))
			.filter(when(this.firstName, (account) -> account.username().equals(this.firstName)))
			.filter(when(this.firstNameLike, (account) -> like(this.firstNameLike, account.username())))
			.filter(when(this.lastName, (account) -> this.lastName.isEmpty()))
			.filter(when(this.lastNameLike, (account) -> like(this.lastNameLike, "")))
			.filter(when(this.email, (account) -> this.email.isEmpty()))
			.filter(when(this.emailLike, (account) -> like(this.emailLike, "")))
			.map(ParcIdentityProvider::toCamundaUser);
	}

}
