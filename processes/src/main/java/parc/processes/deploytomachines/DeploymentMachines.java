package parc.processes.deploytomachines;

import java.util.List;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentService;

/**
 * {@code ${deploymentMachines.names(deploymentId)}}: the collection the fan-out iterates.
 * An expression rather than a variable, so that a list of a thousand names is not stored
 * with the process instance.
 */
@Component("deploymentMachines")
public class DeploymentMachines {

	private final DeploymentService deployments;

	DeploymentMachines(DeploymentService deployments) {
		this.deployments = deployments;
	}

	public List<String> names(long deploymentId) {
		return this.deployments.machineNames(deploymentId);
	}

}
