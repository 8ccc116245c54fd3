package parc.routes.deployment;

import org.springframework.stereotype.Component;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.InventoryCollection;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;

/**
 * Collects and stores the machine's inventory over SSH; the collection also shows on the
 * machine's page. (A machine with an OCS agent sends its own:
 * {@link AgentInventoryWait}.)
 */
@Component
class InventoryWork implements PhaseKind {

	private final AgentlessService agentless;

	private final PhaseLog log;

	InventoryWork(AgentlessService agentless, PhaseLog log) {
		this.agentless = agentless;
		this.log = log;
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.INVENTORY;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		this.log.write(work, LogLine.Kind.COMMAND, "collect the inventory over SSH");
		InventoryCollection collection = this.agentless.collectNow(work.machineId(),
				"deployment " + work.deploymentId());
		if (collection.state() != InventoryCollection.State.DONE) {
			return PhaseResult.of(PhaseOutcome.FAILED, "inventory not collected: " + collection.error());
		}
		this.log.write(work, LogLine.Kind.INFO, "inventory stored (" + collection.outcome() + ")");
		return PhaseResult.done();
	}

}
