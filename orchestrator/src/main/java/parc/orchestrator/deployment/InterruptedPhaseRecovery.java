package parc.orchestrator.deployment;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;

import org.springframework.stereotype.Component;

import parc.orchestrator.system.restart.InterruptedWork;
import parc.orchestrator.system.restart.Interruption;

/**
 * After a start, every phase still waiting for its work's result lost that work: it ran
 * in this node's memory, which a crash or a kill took away. Each is told INTERRUPTED, and
 * tries again at once without counting an attempt; its safety timer would otherwise hold
 * the machine for hours. These phases predate phases as external tasks and do not say
 * which node runs them: they are sent on only when no other node is alive (an upgrade
 * stops every node), never while another node may still be running them.
 */
@Component
class InterruptedPhaseRecovery implements InterruptedWork {

	static final String DETAIL = "Parc restarted while the work ran: tried again";

	private static final int BATCH = 200;

	private final RuntimeService runtime;

	private final PhaseResultService results;

	InterruptedPhaseRecovery(RuntimeService runtime, PhaseResultService results) {
		this.runtime = runtime;
		this.results = results;
	}

	@Override
	public String kind() {
		return "deployment phases";
	}

	/** Each phase is sent on: it starts again, the same attempt. */
	@Override
	public Resolved resolve(Interruption interruption) {
		if (!interruption.noOtherNodeAlive()) {
			return Resolved.resumed(0);
		}
		return Resolved.resumed(recoverAll());
	}

	/**
	 * @return how many phases were sent on
	 */
	int recoverAll() {
		int recovered = 0;
		while (true) {
			List<Execution> waiting = this.runtime.createExecutionQuery()
				.messageEventSubscriptionName(DeploymentPhaseVariables.MSG_PHASE_FINISHED)
				.listPage(0, BATCH);
			int before = recovered;
			for (Execution execution : waiting) {
				Object runId = this.runtime.getVariable(execution.getId(), DeploymentPhaseVariables.PHASE_RUN_ID);
				if (runId != null && this.results.report((String) runId, PhaseOutcome.INTERRUPTED, DETAIL)) {
					recovered++;
				}
			}
			if (waiting.size() < BATCH || recovered == before) {
				break;
			}
		}
		return recovered;
	}

}
