package parc.orchestrator.deployment;

import java.time.Instant;

/**
 * A machine's phase work that a worker took (fetched and locked) from the engine. Only
 * that worker may complete it, until its lock expires; then any worker may take it again.
 *
 * @param taskId the engine's external task id
 * @param workerId the worker that holds it
 * @param work what to do; its {@code runId} is the task id
 * @param lockedUntil when the lock expires unless renewed
 * @param wakeUntil after Wake-on-LAN was sent in an earlier visit: until when the machine
 * gets to answer; null otherwise
 * @param command for the {@link DeploymentPhase#COMMAND} phase: what to run, as the
 * designer gave it; null for every other phase
 */
public record PhaseTask(String taskId, String workerId, PhaseWork work, Instant lockedUntil, Instant wakeUntil,
		DesignedCommand command) {

	public PhaseTask(String taskId, String workerId, PhaseWork work, Instant lockedUntil, Instant wakeUntil) {
		this(taskId, workerId, work, lockedUntil, wakeUntil, null);
	}

}
