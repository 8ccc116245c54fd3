package parc.processes.deploypackage;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.MachineProcessVersion;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseStatus;
import parc.processes.shared.PhaseVariables;

/**
 * Reads which phases the deployment planned for the machine (fixed when it was created)
 * into the variables the process's gateways test, and the machine's id the phases need;
 * records which version of the process the machine runs.
 */
@Component
public class PlanMachinePhasesDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	private final MachineProgress progress;

	PlanMachinePhasesDelegate(DeploymentService deployments, MachineProgress progress) {
		this.deployments = deployments;
		this.progress = progress;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		DeploymentTarget target = this.deployments.target(deploymentId, machine);
		Map<DeploymentPhase, PhaseStatus> phases = target.phases();
		execution.setVariable(PhaseVariables.MACHINE_ID, target.machineId());
		ProcessDefinition definition = execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId());
		this.progress.processStarted(deploymentId, machine,
				new MachineProcessVersion(definition.getId(), definition.getKey(), definition.getVersion()));
		execution.setVariable(DeployPackageVariables.WAKE_FIRST, phases.containsKey(DeploymentPhase.WOL));
		execution.setVariable(DeployPackageVariables.DELIVER_THROUGH_AGENT,
				phases.containsKey(DeploymentPhase.DELIVER));
		execution.setVariable(DeployPackageVariables.RUN_INSTALL_COMMAND, phases.containsKey(DeploymentPhase.EXECUTE));
		execution.setVariable(DeployPackageVariables.DELETE_PACKAGE_FILES, phases.containsKey(DeploymentPhase.DELETE));
		execution.setVariable(DeployPackageVariables.REFRESH_INVENTORY, phases.containsKey(DeploymentPhase.INVENTORY));
		execution.setVariable(DeployPackageVariables.SEND_POWER_COMMAND, phases.containsKey(DeploymentPhase.SHUTDOWN));
	}

}
