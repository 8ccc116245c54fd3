package parc.processes.shared;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.SlotDecision;

/**
 * In the phase processes of an older Parc, kept so that their instances finish: asks for
 * one of the deployment's slots before the attempt's work: taken, the work starts; at the
 * cap or paused, the machine waits for {@code Msg_RunAllowed} and says why. Sets
 * {@code slotGroup} so that the machine can be woken when a slot frees or the deployment
 * resumes.
 */
@Component
public class TakeConnectionSlotDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	private final MachineProgress progress;

	TakeConnectionSlotDelegate(DeploymentService deployments, MachineProgress progress) {
		this.deployments = deployments;
		this.progress = progress;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		DeploymentPhase phase = DeploymentPhase.valueOf((String) execution.getVariable(PhaseVariables.PHASE));
		Instant now = ClockUtil.getCurrentTime().toInstant();
		SlotDecision decision = this.progress.takeSlot(deploymentId, machine, phase, now);
		if (execution.getVariable(DeploymentPhaseVariables.SLOT_GROUP) == null) {
			execution.setVariable(DeploymentPhaseVariables.SLOT_GROUP, this.deployments.topOf(deploymentId));
		}
		execution.setVariable(PhaseVariables.SLOT_TAKEN, decision.taken());
	}

}
