package parc.orchestrator.deployment;

/**
 * A whole deployment's state, from its machines'. The names are a public contract of
 * {@code GET /api/deployments/{id}}.
 */
public enum DeploymentState {

	/** Some machine still has work ahead (scheduled, running or re-scheduled). */
	IN_PROGRESS,

	/** Paused: machines stop at the end of their current phase. */
	PAUSED,

	/** Every machine is done. */
	DONE,

	/** Every machine has finished and at least one failed. */
	FAILED,

	/** Stopped by an administrator, none failed. */
	STOPPED

}
