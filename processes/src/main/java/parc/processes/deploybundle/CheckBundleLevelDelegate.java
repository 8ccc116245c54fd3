package parc.processes.deploybundle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.MachineProgress;
import parc.processes.shared.PhaseVariables;

/**
 * Whether the machine did every package of the level; if not, the bundle fails there for
 * the machine and its later levels are marked not started.
 */
@Component
public class CheckBundleLevelDelegate implements JavaDelegate {

	private final MachineProgress progress;

	CheckBundleLevelDelegate(MachineProgress progress) {
		this.progress = progress;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean succeeded = this.progress.bundleLevelSucceeded(
				(Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID),
				(String) execution.getVariable(PhaseVariables.MACHINE_NAME),
				(Integer) execution.getVariable(DeployBundleVariables.BUNDLE_LEVEL),
				ClockUtil.getCurrentTime().toInstant());
		execution.setVariable(DeployBundleVariables.LEVEL_SUCCEEDED, succeeded);
	}

}
