package parc.orchestrator.deployment;

import java.util.List;

/**
 * Published, inside the stopping transaction, when an administrator stops a deployment:
 * other features withdraw what they still offer its machines (an OCS agent's package).
 *
 * @param deploymentIds the deployment and, for a bundle, each of its packages'
 */
public record DeploymentStopped(List<Long> deploymentIds) {

	public DeploymentStopped {
		deploymentIds = List.copyOf(deploymentIds);
	}

}
