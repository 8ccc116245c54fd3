package parc.orchestrator.user.camunda;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

/**
 * Lets a group open Cockpit and read definitions, instances and history, without changing
 * anything: Parc's {@code USER} role, carried over to Camunda. Grants are created once
 * and left alone afterwards, so an administrator may tune them in Camunda Admin.
 */
class ReadOnlyCockpitAuthorizationPlugin extends AbstractProcessEnginePlugin {

	private record Grant(Resource resource, String resourceId, List<Permission> permissions) {
	}

	private static final List<Grant> GRANTS = List.of(
			new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
			new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY,
					List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY)),
			new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(Permissions.READ)),
			new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ)),
			new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)));

	private final String groupId;

	ReadOnlyCockpitAuthorizationPlugin(String groupId) {
		this.groupId = groupId;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		AuthorizationService authorizations = processEngine.getAuthorizationService();
		for (Grant grant : GRANTS) {
			boolean exists = authorizations.createAuthorizationQuery()
				.groupIdIn(this.groupId)
				.resourceType(grant.resource())
				.resourceId(grant.resourceId())
				.count() > 0;
			if (!exists) {
				Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				authorization.setGroupId(this.groupId);
				authorization.setResource(grant.resource());
				authorization.setResourceId(grant.resourceId());
				grant.permissions().forEach(authorization::addPermission);
				authorizations.saveAuthorization(authorization);
			}
		}
	}

}
