package parc.orchestrator.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Machines that share one identifying value, candidates for a merge.
 *
 * @param criterion the fact they share
 * @param value the shared value (a name, serial, MAC or UUID)
 * @param machines the machines, oldest first: a merge keeps the first
 */
public record DuplicateGroup(DuplicateCriterion criterion, String value, List<Member> machines) {

	/**
	 * @param machineId the machine
	 * @param name its name
	 * @param createdAt when it was registered
	 * @param lastInventoryAt its latest inventory, or null
	 * @param deviceIds the agent DEVICEIDs that report for it
	 */
	public record Member(long machineId, String name, Instant createdAt, Instant lastInventoryAt,
			List<String> deviceIds) {
	}

}
