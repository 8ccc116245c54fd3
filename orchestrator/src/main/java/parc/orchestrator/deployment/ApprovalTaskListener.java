package parc.orchestrator.deployment;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Shows a machine waiting for a person while a user task of its deployment process is
 * open, and logs who completed it. A process designer adds such a task (an approval)
 * without any Java: this listener is attached to every user task by
 * {@link UserTaskStatesPlugin}. Tasks of processes that are not a machine's deployment
 * (no {@code deploymentId} or {@code machineName}) are left alone.
 */
class ApprovalTaskListener implements TaskListener {

	private final MachineProgress progress;

	ApprovalTaskListener(MachineProgress progress) {
		this.progress = progress;
	}

	@Override
	public void notify(DelegateTask task) {
		Object deploymentId = task.getVariable(DeploymentPhaseVariables.DEPLOYMENT_ID);
		Object machineName = task.getVariable(DeploymentPhaseVariables.MACHINE_NAME);
		if (!(deploymentId instanceof Long deployment) || !(machineName instanceof String machine)) {
			return;
		}
		Instant now = ClockUtil.getCurrentTime().toInstant();
		String name = (task.getName() != null) ? task.getName() : task.getTaskDefinitionKey();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.progress.waitingForPerson(deployment, machine, name, now);
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			this.progress.personActed(deployment, machine, name, person(task), now);
		}
	}

	/**
	 * Tasklist tells the engine who works; a call to {@code /engine-rest} is
	 * authenticated by Parc's own security instead.
	 */
	private static String person(DelegateTask task) {
		Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (engineUser != null && engineUser.getUserId() != null) {
			return engineUser.getUserId();
		}
		org.springframework.security.core.Authentication caller = SecurityContextHolder.getContext()
			.getAuthentication();
		return (caller != null) ? caller.getName() : null;
	}

}
