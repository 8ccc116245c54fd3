package parc.orchestrator.user.camunda;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;

import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccount;

/**
 * How Parc roles appear to Camunda: administrators are members of {@code camunda-admin},
 * which Camunda treats as all-powerful in Cockpit and Admin; read-only users are members
 * of {@code parc-users}, which gets no Camunda rights.
 */
final class CamundaGroups {

	static final String USERS = "parc-users";

	private CamundaGroups() {
	}

	static String groupOf(UserAccount account) {
		return account.role() == Role.ADMIN ? Groups.CAMUNDA_ADMIN : USERS;
	}

	static List<Group> all() {
		return List.of(group(Groups.CAMUNDA_ADMIN, "Parc administrators"), group(USERS, "Parc read-only users"));
	}

	private static Group group(String id, String name) {
		GroupEntity group = new GroupEntity(id);
		group.setName(name);
		group.setType(Groups.GROUP_TYPE_SYSTEM);
		return group;
	}

}
