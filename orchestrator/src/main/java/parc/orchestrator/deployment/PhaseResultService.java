package parc.orchestrator.deployment;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import parc.orchestrator.system.transaction.TransientCollisions;

/**
 * Hands a phase's outcome back to the process waiting for it, by message correlation on
 * the attempt's run id. An outcome nobody waits for any more (the deployment was stopped,
 * or the safety timer fired first) is logged and dropped.
 */
@Service
public class PhaseResultService {

	private static final Logger log = LoggerFactory.getLogger(PhaseResultService.class);

	private static final int MAX_ATTEMPTS = 8;

	private final RuntimeService runtime;

	private final PhaseTaskService phaseTasks;

	PhaseResultService(RuntimeService runtime, PhaseTaskService phaseTasks) {
		this.runtime = runtime;
		this.phaseTasks = phaseTasks;
	}

	/**
	 * The result of a phase run: the completion of its task, or for a phase started by an
	 * older Parc, a message to the process waiting for it.
	 * @return whether a waiting process took it
	 */
	public boolean report(String runId, PhaseOutcome outcome, String detail) {
		if (this.phaseTasks.exists(runId)) {
			return this.phaseTasks.completeHeld(runId, PhaseResult.of(outcome, detail));
		}
		return correlate(DeploymentPhaseVariables.MSG_PHASE_FINISHED, runId, outcome, detail);
	}

	/**
	 * An OCS agent's report, for the machine waiting for it. Apart from {@link #report}:
	 * a restart does not interrupt an agent's work, so such waits are not sent on by
	 * {@code InterruptedPhaseRecovery}.
	 * @return whether a waiting process took it
	 */
	public boolean reportAgentResult(String runId, PhaseOutcome outcome, String detail) {
		return correlate(DeploymentPhaseVariables.MSG_AGENT_REPORTED, runId, outcome, detail);
	}

	private boolean correlate(String message, String runId, PhaseOutcome outcome, String detail) {
		for (int attempt = 1;; attempt++) {
			try {
				this.runtime.createMessageCorrelation(message)
					.processInstanceVariableEquals(DeploymentPhaseVariables.PHASE_RUN_ID, runId)
					.setVariable(DeploymentPhaseVariables.PHASE_OUTCOME, outcome.name())
					.setVariable(DeploymentPhaseVariables.PHASE_DETAIL, detail)
					.correlate();
				return true;
			}
			catch (MismatchingMessageCorrelationException ex) {
				log.info("No phase waits for run {} any more; outcome {} dropped", runId, outcome);
				return false;
			}
			catch (RuntimeException ex) {
				// Another transaction moved the same process (a timer, a stop) or
				// PostgreSQL
				// chose this one as a deadlock's victim: try again on what the other
				// left.
				// The result must not be lost to a collision.
				if (!TransientCollisions.isTransient(ex) || attempt >= MAX_ATTEMPTS) {
					throw ex;
				}
				log.debug("Outcome of run {} collided with another change, attempt {}", runId, attempt);
				TransientCollisions.pause(attempt);
			}
		}
	}

}
