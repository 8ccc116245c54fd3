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
 * Gives a group of Parc accounts its Camunda rights: read-only users a look into Cockpit,
 * designers that and Tasklist, deployments and user tasks. Grants are created once and
 * left alone afterwards, so an administrator may tune them in Camunda Admin.
 */
class GroupGrantsPlugin extends AbstractProcessEnginePlugin {

	record Grant(Resource resource, String resourceId, List<Permission> permissions) {
	}

	/** Parc's {@code USER} role: open Cockpit, read, change nothing. */
	static final List<Grant> READ_ONLY = List.of(
			new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
			new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY,
					List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY)),
			new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(Permissions.READ)),
			new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ)),
			new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)));

	/**
	 * Parc's {@code DESIGNER} role: what a reader may, plus deploying processes and
	 * working on user tasks (an approval) in Tasklist. Deleting deployments or instances
	 * stays with administrators.
	 */
	static final List<Grant> DESIGNER = List.of(
			new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
			new Grant(Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
			new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY,
					List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
							Permissions.READ_TASK, Permissions.TASK_WORK)),
			new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(Permissions.READ)),
			new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ)),
			new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ, Permissions.CREATE)),
			new Grant(Resources.TASK, Authorization.ANY, List.of(Permissions.READ, Permissions.TASK_WORK)),
			new Grant(Resources.FILTER, Authorization.ANY, List.of(Permissions.READ)));

	private final String groupId;

	private final List<Grant> grants;

	GroupGrantsPlugin(String groupId, List<Grant> grants) {
		this.groupId = groupId;
		this.grants = grants;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		AuthorizationService authorizations = processEngine.getAuthorizationService();
		for (Grant grant : this.grants) {
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
