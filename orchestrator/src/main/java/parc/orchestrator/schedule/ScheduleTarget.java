package parc.orchestrator.schedule;

import java.util.List;

/**
 * What a schedule works on: one group of machines, some networks, or all that its kind
 * applies to. Exactly one. The JSON names are a public contract of
 * {@code /api/schedules}.
 *
 * @param groupId a group of machines (agentless inventories)
 * @param networkIds networks (sweeps)
 * @param all everything
 */
public record ScheduleTarget(Long groupId, List<Long> networkIds, boolean all) {

	public ScheduleTarget {
		networkIds = (networkIds == null || networkIds.isEmpty()) ? null : List.copyOf(networkIds);
		int given = ((groupId != null) ? 1 : 0) + ((networkIds != null) ? 1 : 0) + (all ? 1 : 0);
		if (given != 1) {
			throw new InvalidScheduleException("target",
					"Give one target: a groupId, networkIds, or all: true (" + given + " given)");
		}
	}

	public static ScheduleTarget everything() {
		return new ScheduleTarget(null, null, true);
	}

	public static ScheduleTarget group(long groupId) {
		return new ScheduleTarget(groupId, null, false);
	}

	public static ScheduleTarget networks(List<Long> networkIds) {
		return new ScheduleTarget(null, networkIds, false);
	}

	/**
	 * @throws InvalidScheduleException when the kind cannot work on this target
	 */
	void checkFits(ScheduleKind kind) {
		if (kind == ScheduleKind.HOUSEKEEPING && !this.all) {
			throw new InvalidScheduleException("target", "Housekeeping works on everything: give all: true");
		}
		if (kind == ScheduleKind.AGENTLESS_INVENTORY && this.networkIds != null) {
			throw new InvalidScheduleException("target",
					"An agentless inventory works on machines: give a groupId or all: true");
		}
		if (kind == ScheduleKind.NETWORK_SWEEP && this.groupId != null) {
			throw new InvalidScheduleException("target", "A network sweep works on networks: give networkIds or all");
		}
	}

}
