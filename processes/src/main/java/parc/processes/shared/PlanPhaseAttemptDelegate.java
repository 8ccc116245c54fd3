package parc.processes.shared;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseAttemptPolicy;
import parc.orchestrator.deployment.PhaseAttemptPolicy.AttemptPlan;
import parc.orchestrator.deployment.RescheduleReason;

/**
 * Plans the next attempt: not before the start date or the retry delay, moved into the
 * next deployment window; past the end date, the machine fails. A machine that waits says
 * until when and why.
 */
@Component
public class PlanPhaseAttemptDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	private final MachineProgress progress;

	PlanPhaseAttemptDelegate(DeploymentService deployments, MachineProgress progress) {
		this.deployments = deployments;
		this.progress = progress;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long deploymentId = (Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID);
		String machine = (String) execution.getVariable(PhaseVariables.MACHINE_NAME);
		DeploymentPhase phase = DeploymentPhase.valueOf((String) execution.getVariable(PhaseVariables.PHASE));
		DeploymentOptions options = this.deployments.options(deploymentId);
		// The engine's clock, so that process tests can move time.
		Instant now = ClockUtil.getCurrentTime().toInstant();
		Date notBefore = (Date) execution.getVariable(PhaseVariables.NOT_BEFORE);
		AttemptPlan plan = PhaseAttemptPolicy.plan(options, this.deployments.zone(), now,
				(notBefore != null) ? notBefore.toInstant() : null);
		Instant at = plan.at();
		boolean pastEnd = plan.pastEnd();
		if (execution.getVariable(PhaseVariables.ATTEMPT) == null) {
			execution.setVariable(PhaseVariables.ATTEMPT, 1);
		}
		DecisionVariables.set(execution, PhaseVariables.PAST_END_DATE, Variables.booleanValue(pastEnd, true));
		DecisionVariables.set(execution, PhaseVariables.ATTEMPT_AT, Variables.dateValue(Date.from(at), true));
		// Due now: no timer, so no job and no job executor delay between two phases.
		DecisionVariables.set(execution, PhaseVariables.ATTEMPT_DUE_NOW, Variables.booleanValue(plan.dueNow(), true));
		if (pastEnd) {
			this.progress.failed(deploymentId, machine, phase,
					"the end date passed before the " + phase.name().toLowerCase() + " phase could run", now);
			return;
		}
		if (at.isAfter(now)) {
			// After a failure the machine waits for the retry; otherwise for its window.
			String reason = (String) execution.getVariable(PhaseVariables.WAIT_REASON);
			RescheduleReason why = (reason != null) ? RescheduleReason.valueOf(reason)
					: RescheduleReason.OUTSIDE_WINDOW;
			this.progress.rescheduled(deploymentId, machine, phase, at, why, "next attempt at " + at, now);
		}
	}

}
