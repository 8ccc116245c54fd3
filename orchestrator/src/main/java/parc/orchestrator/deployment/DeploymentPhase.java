package parc.orchestrator.deployment;

/**
 * The phases a machine goes through, in order. The names are part of {@code GET
 * /api/deployments/{id}} ({@code phases}).
 */
public enum DeploymentPhase {

	WOL(TargetState.WOL_IN_PROGRESS), TRANSFER(TargetState.SENDING), EXECUTE(TargetState.EXECUTING),
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
