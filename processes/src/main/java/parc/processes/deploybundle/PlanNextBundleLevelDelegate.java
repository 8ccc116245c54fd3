package parc.processes.deploybundle;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentService;
import parc.processes.shared.PhaseVariables;

/**
 * The next level: the lowest one with a package the machine has not done (so a retried
 * bundle starts where it failed).
 */
@Component
public class PlanNextBundleLevelDelegate implements JavaDelegate {

	private final DeploymentService deployments;

	PlanNextBundleLevelDelegate(DeploymentService deployments) {
		this.deployments = deployments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Optional<Integer> level = this.deployments.nextBundleLevel(
				(Long) execution.getVariable(PhaseVariables.DEPLOYMENT_ID),
				(String) execution.getVariable(PhaseVariables.MACHINE_NAME));
		execution.setVariable(DeployBundleVariables.LEVEL_LEFT, level.isPresent());
		execution.setVariable(DeployBundleVariables.BUNDLE_LEVEL, level.orElse(null));
	}

}
