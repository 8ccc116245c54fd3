package parc.processes.shared;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseAttemptPolicy;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.PhaseWorkGateway;
import parc.orchestrator.system.transaction.AfterCommit;

/**
 * In the phase processes of an older Parc, kept so that their instances finish: starts a
 * phase's work and returns: the process then waits for {@code Msg_PhaseFinished}. The
 * work is handed over only once the engine's transaction has committed, so the message
 * subscription exists before any result can arrive, and no engine thread waits on a
 * machine.
 */
@Component
public class StartPhaseWorkDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	private final MachineProgress progress;

	private final PhaseWorkGateway work;

	StartPhaseWorkDelegate(DeploymentService deployments, MachineProgress progress, PhaseWorkGateway work) {
		this.deployments = deployments;
		this.progress = progress;
		this.work = work;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		long machineId = (Long) execution.getVariable(PhaseVariables.MACHINE_ID);
		DeploymentPhase phase = DeploymentPhase.valueOf((String) execution.getVariable(PhaseVariables.PHASE));
		Integer recorded = (Integer) execution.getVariable(PhaseVariables.ATTEMPT);
		int attempt = (recorded != null) ? recorded : 1;
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Instant deadline = PhaseAttemptPolicy.deadline(this.deployments.options(deploymentId), this.deployments.zone(),
				now);
		String runId = UUID.randomUUID().toString();
		execution.setVariable(DeploymentPhaseVariables.PHASE_RUN_ID, runId);
		execution.setVariable(PhaseVariables.ATTEMPT, attempt);
		this.progress.appendLog(deploymentId, machine, new LogLine(now, phase, LogLine.Kind.INFO,
				phase.name().toLowerCase() + " attempt " + attempt + " started"));
		PhaseWork phaseWork = new PhaseWork(runId, deploymentId, machine, machineId, phase, deadline, attempt);
		AfterCommit.run(() -> this.work.start(phaseWork));
	}

}
