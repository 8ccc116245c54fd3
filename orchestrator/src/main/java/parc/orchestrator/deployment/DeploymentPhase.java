package parc.orchestrator.deployment;

/**
 * The phases a machine goes through, in order. The names are part of {@code GET
 * /api/deployments/{id}} ({@code phases}).
 */
public enum DeploymentPhase {

	WOL(TargetState.WOL_IN_PROGRESS),

	/**
	 * On a machine with an OCS agent, instead of transfer, execute and delete: the
	 * package is offered to the agent, which fetches, runs and reports it.
	 */
	DELIVER(TargetState.WAITING_FOR_AGENT),

	TRANSFER(TargetState.SENDING), EXECUTE(TargetState.EXECUTING),

	/**
	 * A command a process designer added to a process with the element template "Run a
	 * command on the machine": never planned by Parc itself. Its inputs are a
	 * {@link DesignedCommand}.
	 */
	COMMAND(TargetState.EXECUTING),

	DELETE(TargetState.DELETING), INVENTORY(TargetState.INVENTORY_IN_PROGRESS), SHUTDOWN(TargetState.SHUTTING_DOWN);

	private final TargetState runningState;

	DeploymentPhase(TargetState runningState) {
		this.runningState = runningState;
	}

	/** The machine's state while this phase runs. */
	public TargetState runningState() {
		return this.runningState;
	}

}
