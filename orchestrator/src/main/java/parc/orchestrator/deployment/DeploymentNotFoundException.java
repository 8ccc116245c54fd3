package parc.orchestrator.deployment;

/** No deployment has this identifier, or the machine is not part of it. */
public class DeploymentNotFoundException extends RuntimeException {

	public DeploymentNotFoundException(long id) {
		super("No deployment " + id + " (or the machine is not part of it)");
	}

}
