package parc.orchestrator.group;

import parc.orchestrator.user.Role;

/**
 * Someone a group is shared with: an account, or every account of a role. The JSON names
 * are a public contract of {@code /api/groups/{id}/shares}.
 *
 * @param granteeType USER or ROLE
 * @param grantee the username, or the role's name
 */
public record GroupShare(GranteeType granteeType, String grantee) {

	/** Who a share names. */
	public enum GranteeType {

		USER, ROLE

	}

	public static GroupShare user(String username) {
		return new GroupShare(GranteeType.USER, username);
	}

	public static GroupShare role(Role role) {
		return new GroupShare(GranteeType.ROLE, role.name());
	}

}
