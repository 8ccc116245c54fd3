package parc.processes.deploypackage;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.PhaseStatus;
import parc.processes.shared.PhaseVariables;

/**
 * Reads which phases the deployment planned for the machine (fixed when it was created)
 * into the variables the process's gateways test, and the machine's id the phases need.
 */
@Component
public class PlanMachinePhasesDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	PlanMachinePhasesDelegate(DeploymentService deployments) {
		this.deployments = deployments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		DeploymentTarget target = this.deployments.target(deploymentId, machine);
		Map<DeploymentPhase, PhaseStatus> phases = target.phases();
		execution.setVariable(PhaseVariables.MACHINE_ID, target.machineId());
		execution.setVariable(DeployPackageVariables.WAKE_FIRST, phases.containsKey(DeploymentPhase.WOL));
		execution.setVariable(DeployPackageVariables.DELIVER_THROUGH_AGENT,
				phases.containsKey(DeploymentPhase.DELIVER));
		execution.setVariable(DeployPackageVariables.RUN_INSTALL_COMMAND, phases.containsKey(DeploymentPhase.EXECUTE));
		execution.setVariable(DeployPackageVariables.DELETE_PACKAGE_FILES, phases.containsKey(DeploymentPhase.DELETE));
		execution.setVariable(DeployPackageVariables.REFRESH_INVENTORY, phases.containsKey(DeploymentPhase.INVENTORY));
		execution.setVariable(DeployPackageVariables.SEND_POWER_COMMAND, phases.containsKey(DeploymentPhase.SHUTDOWN));
	}

}
