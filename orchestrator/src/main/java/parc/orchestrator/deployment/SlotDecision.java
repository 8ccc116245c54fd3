package parc.orchestrator.deployment;

/** Whether a machine may start its phase attempt now, and if not, why. */
public enum SlotDecision {

	/** It holds a slot: the work starts. */
	TAKEN,

	/**
	 * As many machines as the deployment allows are working: it waits for one to finish.
	 */
	CAP_REACHED,

	/** The deployment is paused: it waits for a resume. */
	PAUSED,

	/** The deployment was stopped. */
	STOPPED;

	public boolean taken() {
		return this == TAKEN;
	}

}
