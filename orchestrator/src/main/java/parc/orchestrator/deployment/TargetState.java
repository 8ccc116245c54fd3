package parc.orchestrator.deployment;

/**
 * Pulse 2's states of a machine in a deployment. The names are a public contract of
 * {@code GET /api/deployments/{id}}.
 */
public enum TargetState {

	SCHEDULED, WOL_IN_PROGRESS, SENDING, EXECUTING, DELETING, INVENTORY_IN_PROGRESS, SHUTTING_DOWN, DONE, FAILED,
	RESCHEDULED, STOPPED, PAUSED,

	/** Delivered through its OCS agent: assigned, not yet offered to the agent. */
	WAITING_FOR_AGENT,

	/** Delivered through its OCS agent: offered in a PROLOG, no report yet. */
	NOTIFIED,

	/**
	 * Its process waits for a person: a user task a process designer added (an approval),
	 * open in Tasklist until someone completes it.
	 */
	WAITING_FOR_APPROVAL;

	/** Whether nothing more will happen to the machine. */
	public boolean isFinal() {
		return this == DONE || this == FAILED || this == STOPPED;
	}

}
