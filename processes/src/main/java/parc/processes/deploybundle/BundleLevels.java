package parc.processes.deploybundle;

import java.util.List;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.processdesign.ProcessExpressionBean;

/**
 * {@code ${bundleLevels.deploymentsAt(deploymentId, bundleLevel)}}: a level's packages.
 */
@ProcessExpressionBean
@Component("bundleLevels")
public class BundleLevels {

	private final DeploymentService deployments;

	BundleLevels(DeploymentService deployments) {
		this.deployments = deployments;
	}

	public List<Long> deploymentsAt(long bundleId, int level) {
		return this.deployments.bundleDeploymentsAt(bundleId, level);
	}

}
