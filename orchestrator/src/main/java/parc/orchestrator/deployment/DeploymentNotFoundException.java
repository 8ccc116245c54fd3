package parc.orchestrator.deployment;

/** No deployment has this identifier. */
public class DeploymentNotFoundException extends RuntimeException {

	public DeploymentNotFoundException(long id) {
		super("No deployment " + id);
	}

}
