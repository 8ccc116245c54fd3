package parc.routes.deployment;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseTaskService;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.teledeployment.TeledeploymentService;

/**
 * The inventory phase of a machine with an OCS agent: Parc cannot collect it, the agent
 * sends it at its next contact. The task stays held until then (the inventory completes
 * it) or until the agent's report time runs out; a worker that takes it over after a
 * restart goes on waiting for the time left.
 */
@Component
class AgentInventoryWait {

	private final MachineService machines;

	private final TeledeploymentService teledeployment;

	private final PhaseTaskService tasks;

	private final DeploymentService deployments;

	private final MachineProgress progress;

	AgentInventoryWait(MachineService machines, TeledeploymentService teledeployment, PhaseTaskService tasks,
			DeploymentService deployments, MachineProgress progress) {
		this.machines = machines;
		this.teledeployment = teledeployment;
		this.tasks = tasks;
		this.deployments = deployments;
		this.progress = progress;
	}

	/** Whether the machine's inventory comes from its agent. */
	boolean applies(PhaseWork work) {
		return work.phase() == parc.orchestrator.deployment.DeploymentPhase.INVENTORY
				&& this.machines.get(work.machineId()).channel() == Channel.OCS_AGENT;
	}

	/**
	 * Waits on for the agent, or gives up when its time ran out.
	 * @return the result when the wait is over, or null while the task stays held
	 */
	PhaseResult hold(PhaseTask task) {
		PhaseWork work = task.work();
		Instant now = Instant.now();
		Instant since = this.teledeployment.awaitInventory(work.runId(), work.machineId(), work.deploymentId(),
				work.machineName());
		Duration timeout = this.deployments.agentReportTimeout();
		Duration left = Duration.between(now, since.plus(timeout));
		if (left.compareTo(Duration.ofSeconds(1)) < 0) {
			this.teledeployment.stopAwaitingInventory(work.runId());
			return PhaseResult.of(PhaseOutcome.FAILED,
					"the agent sent no inventory within " + timeout.toHours() + " h");
		}
		if (!this.tasks.renew(task, left)) {
			this.progress.appendLog(work.deploymentId(), work.machineName(), new LogLine(now, work.phase(),
					LogLine.Kind.INFO, "another worker took over the wait for the agent's inventory"));
		}
		return null;
	}

}
