package parc.orchestrator.deployment;

/** The machine is not one of the deployment's targets. */
public class MachineNotInDeploymentException extends RuntimeException {

	public MachineNotInDeploymentException(long deploymentId, long machineId) {
		super("Machine " + machineId + " is not a target of deployment " + deploymentId);
	}

}
