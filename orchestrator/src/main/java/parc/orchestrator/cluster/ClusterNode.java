package parc.orchestrator.cluster;

import java.time.Instant;

/**
 * A node as the others see it.
 *
 * @param lastHeartbeat the database's time of its last heartbeat
 * @param engineJobs engine jobs it ran in the minute before that heartbeat
 * @param phaseTasks machines' phase tasks it finished in that minute
 * @param scheduleJobs scheduled jobs that fired on it in that minute
 * @param state what the others make of it
 * @param self whether it is the node that answered this request
 */
public record ClusterNode(String name, String address, String version, Instant startedAt, Instant lastHeartbeat,
		int engineJobs, int phaseTasks, int scheduleJobs, NodeState state, Instant stoppedAt, Instant missingSince,
		boolean self) {

}
