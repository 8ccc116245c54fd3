package parc.orchestrator.deployment;

import java.time.Instant;
import java.util.List;

/**
 * One process instance a machine of a deployment went through (its package or bundle
 * process, or one of their phase processes), as the engine's history and runtime tell it.
 * The JSON names are a public contract of
 * {@code /api/deployments/{id}/targets/{machineId}/process}.
 *
 * @param processInstanceId the engine's instance id, for Cockpit
 * @param processDefinitionId the definition whose diagram
 * {@link MachineProcessService#diagram} gives
 * @param processKey the process key, e.g. {@code transfer-package}
 * @param processName the process's name in its BPMN file
 * @param phase for a {@code deployment-phase} instance, the phase it runs
 * ({@code TRANSFER}, ...): one process shape serves every phase, so its name alone does
 * not tell a machine's three or four phase instances apart; null for other processes
 * @param running whether the instance has not ended
 * @param startedAt when it started
 * @param endedAt when it ended, null while running
 * @param steps the activities it went through, in order, the waiting ones last
 * @param timers the timers due in it (running instances only)
 * @param incidents its open incidents (running instances only)
 */
public record MachineProcess(String processInstanceId, String processDefinitionId, String processKey,
		String processName, String phase, boolean running, Instant startedAt, Instant endedAt, List<Step> steps,
		List<Timer> timers, List<Incident> incidents) {

	public MachineProcess {
		steps = List.copyOf(steps);
		timers = List.copyOf(timers);
		incidents = List.copyOf(incidents);
	}

	/**
	 * An activity the machine went through, or waits in ({@code endedAt} null).
	 *
	 * @param activityId the BPMN element id
	 * @param name its label
	 * @param type the engine's activity type ({@code serviceTask},
	 * {@code intermediateTimer}, ...)
	 * @param startedAt when it was entered
	 * @param endedAt when it was left; null while the machine waits in it
	 * @param canceled whether it was left by an interruption (a boundary event, a stop)
	 */
	public record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt,
			boolean canceled) {

		public boolean waiting() {
			return this.endedAt == null;
		}

	}

	/**
	 * A timer due: a deployment window, a retry delay, a wait guard.
	 *
	 * @param activityId the element it belongs to
	 * @param dueAt when it fires
	 */
	public record Timer(String activityId, Instant dueAt) {

	}

	/**
	 * An open incident: a job that failed all its retries.
	 *
	 * @param activityId the element it stopped at
	 * @param message the failure
	 * @param at when it was raised
	 */
	public record Incident(String activityId, String message, Instant at) {

	}

}
