package parc.orchestrator.group;

import java.time.Instant;
import java.util.List;

/**
 * A group of machines. The JSON names are a public contract of {@code /api/groups}.
 *
 * @param id Parc's identifier
 * @param name unique among its owner's groups, ignoring case
 * @param type static or dynamic
 * @param mode for a dynamic group, query or result; null for a static one
 * @param expression how the criteria combine, as typed; null for AND of all
 * @param criteria a dynamic group's criteria, numbered from 1 in this order
 * @param visible whether the console shows it as a navigation shortcut
 * @param owner the account that created it, the only one that may delete it
 * @param shares who else sees and edits it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version bumped by every change
 */
public record MachineGroup(long id, String name, GroupType type, GroupMode mode, String expression,
		List<GroupCriterion> criteria, boolean visible, String owner, List<GroupShare> shares, Instant createdAt,
		Instant updatedAt, int version) {

	public MachineGroup {
		criteria = List.copyOf(criteria);
		shares = List.copyOf(shares);
	}

	/** Whether its members are rows of their own rather than computed. */
	public boolean storesMembers() {
		return this.type == GroupType.STATIC || this.mode == GroupMode.RESULT;
	}

}
