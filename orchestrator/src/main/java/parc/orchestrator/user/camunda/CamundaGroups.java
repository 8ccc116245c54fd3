package parc.orchestrator.user.camunda;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;

import parc.orchestrator.user.UserAccount;

/**
 * How Parc roles appear to Camunda: administrators are members of {@code camunda-admin},
 * which Camunda treats as all-powerful in Cockpit and Admin; read-only users are members
 * of {@code parc-users}, which may look in Cockpit; designers of {@code parc-designers}.
 */
final class CamundaGroups {

	static final String USERS = "parc-users";

	static final String DESIGNERS = "parc-designers";

	private CamundaGroups() {
	}

	static String groupOf(UserAccount account) {
		return switch (account.role()) {
			case ADMIN -> Groups.CAMUNDA_ADMIN;
			case DESIGNER -> DESIGNERS;
			case USER -> USERS;
		};
	}

	static List<Group> all() {
		return List.of(group(Groups.CAMUNDA_ADMIN, "Parc administrators"), group(USERS, "Parc read-only users"),
				group(DESIGNERS, "Parc process designers"));
	}

	private static Group group(String id, String name) {
		GroupEntity group = new GroupEntity(id);
		group.setName(name);
		group.setType(Groups.GROUP_TYPE_SYSTEM);
		return group;
	}

}
