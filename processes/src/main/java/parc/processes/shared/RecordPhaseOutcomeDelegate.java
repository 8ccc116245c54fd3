package parc.processes.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentPhaseVariables;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseAttemptPolicy;
import parc.orchestrator.deployment.PhaseAttemptPolicy.AttemptDecision;
import parc.orchestrator.deployment.PhaseOutcome;

/**
 * Records how an attempt ended and decides what next: DONE; RETRY after the delay while
 * attempts remain (a window that closed on the work is not a failed attempt); or FAILED
 * for good, "failed during" the phase; WAIT while the work goes on outside Parc. Inputs
 * {@code maxAttempts} and {@code bestEffort} let a phase's BPMN lower its attempts and
 * keep its failure from failing the machine.
 */
@Component
public class RecordPhaseOutcomeDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	private final MachineProgress progress;

	RecordPhaseOutcomeDelegate(DeploymentService deployments, MachineProgress progress) {
		this.deployments = deployments;
		this.progress = progress;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		DeploymentPhase phase = DeploymentPhase.valueOf((String) execution.getVariable(PhaseVariables.PHASE));
		boolean timedOut = Boolean.TRUE.equals(execution.getVariableLocal(PhaseVariables.TIMED_OUT));
		// A worker's result comes transient with the completion; a result correlated to
		// an
		// older phase process, or set by a delegate, is stored.
		String reported = (String) execution.getVariable(DeploymentPhaseVariables.WORK_OUTCOME);
		boolean fromWorker = reported != null;
		PhaseOutcome outcome = timedOut ? PhaseOutcome.FAILED : PhaseOutcome
			.valueOf(fromWorker ? reported : (String) execution.getVariable(DeploymentPhaseVariables.PHASE_OUTCOME));
		String detail = timedOut ? "no result came back in time" : (String) execution
			.getVariable(fromWorker ? DeploymentPhaseVariables.WORK_DETAIL : DeploymentPhaseVariables.PHASE_DETAIL);
		int attempt = (Integer) execution.getVariable(PhaseVariables.ATTEMPT);
		Instant now = ClockUtil.getCurrentTime().toInstant();
		DeploymentOptions options = this.deployments.options(deploymentId);
		// A phase may say in its BPMN that it gets fewer attempts than the deployment's,
		// and
		// that failing it does not fail the machine (Wake-on-LAN).
		Object maxAttempts = execution.getVariable(PhaseVariables.MAX_ATTEMPTS);
		int attempts = (maxAttempts instanceof Number number) ? number.intValue() : options.attempts();
		boolean bestEffort = Boolean.TRUE.equals(execution.getVariable(PhaseVariables.BEST_EFFORT));
		boolean fine = outcome == PhaseOutcome.DONE || outcome == PhaseOutcome.WAITING;
		this.progress.appendLog(deploymentId, machine,
				new LogLine(now, phase, fine ? LogLine.Kind.INFO : LogLine.Kind.ERROR, phase.name().toLowerCase()
						+ " attempt " + attempt + ": " + outcome + ((detail != null) ? " (" + detail + ")" : "")));
		AttemptDecision decision = PhaseAttemptPolicy.decide(outcome, attempt, attempts, bestEffort,
				Duration.ofMinutes(options.attemptDelayMinutes()), now);
		switch (decision.next()) {
			case DONE -> this.progress.phaseDone(deploymentId, machine, phase, now);
			case WAIT -> this.progress.workWaiting(deploymentId, machine, detail, now);
			case RETRY -> {
				this.progress.attemptEnded(deploymentId, machine, phase,
						(outcome == PhaseOutcome.CUT) ? "cut by the end of the window" : detail, now);
				execution.setVariable(PhaseVariables.ATTEMPT, decision.attempt());
				execution.setVariable(PhaseVariables.NOT_BEFORE, Date.from(decision.notBefore()));
				execution.setVariable(PhaseVariables.WAIT_REASON, decision.reason().name());
			}
			case GIVEN_UP ->
				this.progress.bestEffortPhaseFailed(deploymentId, machine, phase, phase.name().toLowerCase() + " failed"
						+ ((detail != null) ? ": " + detail : "") + "; the deployment goes on", now);
			case FAILED -> this.progress.failed(deploymentId, machine, phase,
					"failed during " + phase.name().toLowerCase() + ((detail != null) ? ": " + detail : ""),
					outcome == PhaseOutcome.UNREACHABLE, now);
			case WITHDRAWN -> {
				// Already shown stopped by whoever withdrew it.
			}
		}
		DecisionVariables.set(execution, PhaseVariables.NEXT, Variables.stringValue(switch (decision.next()) {
			case DONE -> "DONE";
			case WAIT -> "WAIT";
			case RETRY -> "RETRY";
			case FAILED, GIVEN_UP, WITHDRAWN -> "FAILED";
		}, true));
	}

}
