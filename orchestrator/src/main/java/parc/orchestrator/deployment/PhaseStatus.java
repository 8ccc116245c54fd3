package parc.orchestrator.deployment;

/** Where one phase of one machine stands. */
public enum PhaseStatus {

	NOT_STARTED, RUNNING, DONE, FAILED

}
