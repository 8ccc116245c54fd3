package parc.processes.deliverthroughagent;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.teledeployment.AgentResultCodes;
import parc.orchestrator.teledeployment.OfferOutcome;
import parc.orchestrator.teledeployment.TeledeploymentService;
import parc.processes.shared.PhaseVariables;

/**
 * Offers the deployment's package to the machine's agent under a new run id, which the
 * agent's report is correlated with. A package the agent's history already holds is done
 * at once, without a wait.
 */
@Component
public class OfferPackageToAgentDelegate implements JavaDelegate {

	private final TeledeploymentService teledeployment;

	private final DeploymentService deployments;

	OfferPackageToAgentDelegate(TeledeploymentService teledeployment, DeploymentService deployments) {
		this.teledeployment = teledeployment;
		this.deployments = deployments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		long machineId = (Long) execution.getVariable(PhaseVariables.MACHINE_ID);
		Integer recorded = (Integer) execution.getVariable(PhaseVariables.ATTEMPT);
		String runId = UUID.randomUUID().toString();
		execution.setVariable(DeploymentPhaseVariables.PHASE_RUN_ID, runId);
		execution.setVariable(PhaseVariables.ATTEMPT, (recorded != null) ? recorded : 1);
		execution.setVariable(DeliverThroughAgentVariables.AGENT_REPORT_TIMEOUT,
				this.deployments.agentReportTimeout().toString());
		OfferOutcome outcome = this.teledeployment.offer(deploymentId, machine, machineId, runId);
		boolean installed = outcome == OfferOutcome.ALREADY_INSTALLED;
		execution.setVariable(DeliverThroughAgentVariables.ALREADY_INSTALLED, installed);
		if (installed) {
			execution.setVariable(DeploymentPhaseVariables.PHASE_OUTCOME, PhaseOutcome.DONE.name());
			execution.setVariable(DeploymentPhaseVariables.PHASE_DETAIL,
					"agent: " + AgentResultCodes.ALREADY_IN_HISTORY);
		}
	}

}
