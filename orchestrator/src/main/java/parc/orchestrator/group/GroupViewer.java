package parc.orchestrator.group;

import parc.orchestrator.user.Role;

/**
 * The account asking for a group, which decides what it sees: its own groups and those
 * shared with it or with its role.
 *
 * @param username the account
 * @param role its role
 */
public record GroupViewer(String username, Role role) {

	public boolean sees(MachineGroup group) {
		return owns(group) || group.shares().contains(GroupShare.user(this.username))
				|| group.shares().contains(GroupShare.role(this.role));
	}

	public boolean owns(MachineGroup group) {
		return group.owner().equals(this.username);
	}

}
