package parc.routes.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseResultService;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.teledeployment.TeledeploymentService;

/**
 * The work of a phase process started by an older Parc, which hands it over with a send
 * task and waits for a message: done by the same kinds of work, the result sent back as
 * that message. Kept so that such deployments finish after an upgrade; new phases are
 * external tasks ({@link PhaseTaskWorkers}).
 */
@Component
class LegacyPhaseWorker {

	private final MachinePhaseWork work;

	private final AgentInventoryWait agentInventory;

	private final TeledeploymentService teledeployment;

	private final PhaseResultService results;

	/** Stopped deployments: their queued work is dropped. */
	private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

	LegacyPhaseWorker(MachinePhaseWork work, AgentInventoryWait agentInventory, TeledeploymentService teledeployment,
			PhaseResultService results) {
		this.work = work;
		this.agentInventory = agentInventory;
		this.teledeployment = teledeployment;
		this.results = results;
	}

	void cancel(long deploymentId) {
		this.cancelled.add(deploymentId);
		this.work.cancel(deploymentId);
	}

	void run(PhaseWork phaseWork) {
		if (this.cancelled.contains(phaseWork.deploymentId())) {
			return;
		}
		if (this.agentInventory.applies(phaseWork)) {
			// The agent's inventory reports the result when it comes.
			this.teledeployment.awaitInventory(phaseWork.runId(), phaseWork.machineId(), phaseWork.deploymentId(),
					phaseWork.machineName());
			return;
		}
		PhaseResult result = this.work.run(task(phaseWork, null));
		// An older phase has no timer to look again: the woken machine is awaited here.
		while (result != null && result.checkAt() != null && sleepUntil(result.checkAt())) {
			result = this.work.run(task(phaseWork, result.wakeUntil()));
		}
		if (result != null && result.checkAt() == null) {
			this.results.report(phaseWork.runId(), result.outcome(), result.detail());
		}
	}

	private static PhaseTask task(PhaseWork phaseWork, Instant wakeUntil) {
		return new PhaseTask(phaseWork.runId(), "legacy", phaseWork, null, wakeUntil);
	}

	private static boolean sleepUntil(Instant at) {
		try {
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
