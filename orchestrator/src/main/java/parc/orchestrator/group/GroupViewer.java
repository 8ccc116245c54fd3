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
		return owns(group) || group.shares().contains(GroupShare.user(this.username)) || rolesSharedWith().stream()
			.anyMatch((role) -> group.shares().contains(GroupShare.role(Role.valueOf(role))));
	}

	/**
	 * The roles whose shares this viewer gets: its own, and for a designer also the
	 * read-only users', since a designer reads like one.
	 */
	public java.util.List<String> rolesSharedWith() {
		return (this.role == Role.DESIGNER) ? java.util.List.of(Role.DESIGNER.name(), Role.USER.name())
				: java.util.List.of(this.role.name());
	}

	public boolean owns(MachineGroup group) {
		return group.owner().equals(this.username);
	}

}
