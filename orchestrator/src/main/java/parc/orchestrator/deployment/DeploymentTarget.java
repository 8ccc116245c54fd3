package parc.orchestrator.deployment;

import java.time.Instant;
import java.util.Map;

/**
 * One machine of a deployment. The JSON names are a public contract of {@code GET
 * /api/deployments/{id}} ({@code targets}).
 *
 * @param machineId the machine, or null when it was deleted since
 * @param machineName its name at the time
 * @param state where it stands
 * @param phases the status of each phase this deployment runs, in order
 * @param failedPhase the phase it failed during, when FAILED
 * @param nextAttemptAt when it tries again, when RESCHEDULED (or SCHEDULED for later)
 * @param rescheduleReason why it waits, when RESCHEDULED
 * @param detail the last thing worth telling (an error, what it waits for)
 * @param updatedAt when it last changed
 * @param unreachable when FAILED, whether its last attempt could not reach it
 * @param agentResult delivered through its OCS agent: the agent's last code as it sent it
 * ({@code SUCCESS}, {@code SUCCESS_3}, {@code ERR_BAD_DIGEST}...), or null
 */
public record DeploymentTarget(Long machineId, String machineName, TargetState state,
		Map<DeploymentPhase, PhaseStatus> phases, DeploymentPhase failedPhase, Instant nextAttemptAt,
		RescheduleReason rescheduleReason, String detail, Instant updatedAt, boolean unreachable, String agentResult) {

	/** A machine's state as the phases change it; its agent result is kept apart. */
	public DeploymentTarget(Long machineId, String machineName, TargetState state,
			Map<DeploymentPhase, PhaseStatus> phases, DeploymentPhase failedPhase, Instant nextAttemptAt,
			RescheduleReason rescheduleReason, String detail, Instant updatedAt, boolean unreachable) {
		this(machineId, machineName, state, phases, failedPhase, nextAttemptAt, rescheduleReason, detail, updatedAt,
				unreachable, null);
	}

	/** Any state but a failure that found the machine unreachable. */
	public DeploymentTarget(Long machineId, String machineName, TargetState state,
			Map<DeploymentPhase, PhaseStatus> phases, DeploymentPhase failedPhase, Instant nextAttemptAt,
			RescheduleReason rescheduleReason, String detail, Instant updatedAt) {
		this(machineId, machineName, state, phases, failedPhase, nextAttemptAt, rescheduleReason, detail, updatedAt,
				false);
	}

	public DeploymentTarget {
		java.util.EnumMap<DeploymentPhase, PhaseStatus> ordered = new java.util.EnumMap<>(DeploymentPhase.class);
		ordered.putAll(phases);
		phases = java.util.Collections.unmodifiableMap(ordered);
	}

}
