package parc.orchestrator.group;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator creates or changes. The JSON names are a public contract of
 * {@code POST /api/groups}.
 *
 * @param name the group's name
 * @param type static or dynamic
 * @param machineIds a static group's machines
 * @param criteria a dynamic group's criteria, numbered from 1 in this order
 * @param expression how the criteria combine, in prefix notation ({@code AND(1, OR(2,
 * 3))}); blank for AND of all
 * @param mode a dynamic group's mode, QUERY when absent
 * @param visible whether it shows in the console's navigation
 */
public record GroupDraft(@NotBlank @Size(max = 100) String name, @NotNull GroupType type,
		@Size(max = 100_000) List<@NotNull Long> machineIds,
		@Size(max = GroupDraft.MAX_CRITERIA) List<@Valid @NotNull GroupCriterion> criteria,
		@Size(max = GroupExpressionParser.MAX_LENGTH) String expression, GroupMode mode, boolean visible) {

	public static final int MAX_CRITERIA = 50;

	public GroupDraft {
		name = (name != null) ? name.trim() : null;
		machineIds = (machineIds != null) ? List.copyOf(machineIds) : List.of();
		criteria = (criteria != null) ? List.copyOf(criteria) : List.of();
		expression = (expression == null || expression.isBlank()) ? null : expression.trim();
		if (type == GroupType.DYNAMIC && mode == null) {
			mode = GroupMode.QUERY;
		}
		if (type == GroupType.STATIC) {
			mode = null;
		}
	}

	public static GroupDraft ofMachines(String name, List<Long> machineIds) {
		return new GroupDraft(name, GroupType.STATIC, machineIds, null, null, null, false);
	}

	public static GroupDraft ofCriteria(String name, List<GroupCriterion> criteria, String expression) {
		return new GroupDraft(name, GroupType.DYNAMIC, null, criteria, expression, GroupMode.QUERY, false);
	}

}
