package parc.orchestrator.deployment;

import java.util.List;

import org.springframework.stereotype.Component;

import parc.orchestrator.group.GroupNotFoundException;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.user.UserAccountService;

/**
 * The machines of a deployment launched on a group: its members at this moment, as the
 * account that launches sees the group. A dynamic group is evaluated once, here; the
 * deployment then keeps the list.
 */
@Component
class GroupTargets {

	private final GroupService groups;

	private final UserAccountService accounts;

	GroupTargets(GroupService groups, UserAccountService accounts) {
		this.groups = groups;
		this.accounts = accounts;
	}

	/**
	 * @throws GroupNotFoundException when the group does not exist or the account does
	 * not see it
	 * @throws InvalidDeploymentTargetException when it has no machine or too many
	 */
	Resolved resolve(long groupId, String requestedBy) {
		GroupViewer viewer = this.accounts.find(requestedBy)
			.map((account) -> new GroupViewer(account.username(), account.role()))
			.orElseThrow(() -> new GroupNotFoundException(groupId));
		MachineGroup group = this.groups.get(groupId, viewer);
		List<Long> members = this.groups.memberIds(groupId, viewer);
		if (members.isEmpty()) {
			throw new InvalidDeploymentTargetException(List.of("group " + group.name() + " has no machine now"));
		}
		if (members.size() > DeploymentRequest.MAX_MACHINES) {
			throw new InvalidDeploymentTargetException(List.of("group " + group.name() + " has " + members.size()
					+ " machines; a deployment reaches at most " + DeploymentRequest.MAX_MACHINES));
		}
		return new Resolved(group, members);
	}

	/** The group and the machines it held at launch. */
	record Resolved(MachineGroup group, List<Long> machineIds) {
	}

}
