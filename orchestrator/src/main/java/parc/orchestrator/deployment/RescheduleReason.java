package parc.orchestrator.deployment;

/**
 * Why a machine waits for a later attempt: every waiting machine says what it waits for.
 */
public enum RescheduleReason {

	OUTSIDE_WINDOW, UNREACHABLE, PHASE_FAILED

}
