package parc.processes.shared;

/** The variables every deployment phase process reads and writes. */
public final class PhaseVariables {

	/** Input: the deployment's id (Long). */
	public static final String DEPLOYMENT_ID = parc.orchestrator.deployment.DeploymentPhaseVariables.DEPLOYMENT_ID;

	/** Input: the machine's name in the deployment (String). */
	public static final String MACHINE_NAME = parc.orchestrator.deployment.DeploymentPhaseVariables.MACHINE_NAME;

	/** Input: the machine's id (Long). */
	public static final String MACHINE_ID = parc.orchestrator.deployment.DeploymentPhaseVariables.MACHINE_ID;

	/**
	 * The {@code DeploymentPhase} name: the phase process's input (a local input of an
	 * older phase's tasks).
	 */
	public static final String PHASE = parc.orchestrator.deployment.DeploymentPhaseVariables.PHASE;

	/** Local input of the outcome task on the safety-timer path: true. */
	public static final String TIMED_OUT = "timedOut";

	/** The attempt number, from 1. */
	public static final String ATTEMPT = parc.orchestrator.deployment.DeploymentPhaseVariables.ATTEMPT;

	/** Not before this instant (Date): set after a failure, for the retry delay. */
	public static final String NOT_BEFORE = "notBefore";

	/** Why the next attempt waits: a {@code RescheduleReason} name. */
	public static final String WAIT_REASON = "waitReason";

	/** When the next attempt runs (Date): the timer's due date. */
	public static final String ATTEMPT_AT = "attemptAt";

	/** Whether the attempt may start at once, without waiting on the timer (Boolean). */
	public static final String ATTEMPT_DUE_NOW = "attemptDueNow";

	/** Whether the end date came before the attempt could run. */
	public static final String PAST_END_DATE = "pastEndDate";

	/** After an outcome: DONE, RETRY, WAIT or FAILED. */
	public static final String NEXT = "next";

	/** Local input of the outcome tasks: at most this many attempts (Number). */
	public static final String MAX_ATTEMPTS = "maxAttempts";

	/**
	 * Local input of the outcome tasks: a failure does not fail the machine (Boolean).
	 */
	public static final String BEST_EFFORT = "bestEffort";

	/** Set by the slot step: whether the attempt may start now (Boolean). */
	public static final String SLOT_TAKEN = "slotTaken";

	/** The BPMN error a phase ends with when the end date passed first. */
	public static final String ERROR_END_DATE_PASSED = "END_DATE_PASSED";

	/** The BPMN error a phase ends with when it fails for good. */
	public static final String ERROR_PHASE_FAILED = "PHASE_FAILED";

	private PhaseVariables() {
	}

}
