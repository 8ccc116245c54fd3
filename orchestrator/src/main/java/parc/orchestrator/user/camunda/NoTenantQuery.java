package parc.orchestrator.user.camunda;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Parc does not use Camunda tenants: every tenant query is empty. */
class NoTenantQuery extends TenantQueryImpl {

	NoTenantQuery(CommandExecutor commandExecutor) {
		super(commandExecutor);
	}

	@Override
	public long executeCount(CommandContext commandContext) {
		return 0;
	}

	@Override
	public List<Tenant> executeList(CommandContext commandContext, Page page) {
		return List.of();
	}

}
