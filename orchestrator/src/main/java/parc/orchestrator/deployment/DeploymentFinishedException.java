package parc.orchestrator.deployment;

/** The action needs machines with work ahead, and this deployment has none. */
public class DeploymentFinishedException extends RuntimeException {

	public DeploymentFinishedException(long deploymentId, String action) {
		super("Deployment " + deploymentId + " has no machine with work ahead: nothing to " + action);
	}

}
