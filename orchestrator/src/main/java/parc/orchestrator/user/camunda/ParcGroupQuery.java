package parc.orchestrator.user.camunda;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

import parc.orchestrator.user.UserAccount;
import parc.orchestrator.user.UserAccountService;

import static parc.orchestrator.user.camunda.InMemoryCriteria.like;
import static parc.orchestrator.user.camunda.InMemoryCriteria.when;

/**
 * Answers Camunda's group queries: the two groups of {@link CamundaGroups}, filtered in
 * memory.
 */
class ParcGroupQuery extends GroupQueryImpl {

	private final transient UserAccountService accounts;

	ParcGroupQuery(CommandExecutor commandExecutor, UserAccountService accounts) {
		super(commandExecutor);
		this.accounts = accounts;
	}

	@Override
	public long executeCount(CommandContext commandContext) {
		return matching().count();
	}

	@Override
	public List<Group> executeList(CommandContext commandContext, Page page) {
		// listPage() leaves page null and keeps its bounds on the query itself.
		return matching().skip(getFirstResult()).limit(getMaxResults()).toList();
	}

	private Stream<Group> matching() {
		if (this.tenantId != null || this.procDefId != null) {
			return Stream.empty();
		}
		String memberGroup = (this.userId != null)
				? this.accounts.find(this.userId).filter(UserAccount::enabled).map(CamundaGroups::groupOf).orElse("")
				: null;
		return CamundaGroups.all()
			.stream()
			.filter(when(this.id, (group) -> group.getId().equals(this.id)))
			.filter(when(this.ids, (group) -> Arrays.asList(this.ids).contains(group.getId())))
			.filter(when(this.name, (group) -> group.getName().equals(this.name)))
			.filter(when(this.nameLike, (group) -> like(this.nameLike, group.getName())))
			.filter(when(this.type, (group) -> group.getType().equals(this.type)))
			.filter(when(memberGroup, (group) -> group.getId().equals(memberGroup)));
	}

}
