package parc.processes.deploybundle;

import parc.orchestrator.deployment.DeploymentPhaseVariables;

/** The {@code deploy-bundle} process: its key and its variables. */
public final class DeployBundleVariables {

	public static final String PROCESS_KEY = DeploymentPhaseVariables.DEPLOY_BUNDLE;

	/** The level being deployed (Integer). */
	public static final String BUNDLE_LEVEL = "bundleLevel";

	/** Whether a level is left to deploy (Boolean). */
	public static final String LEVEL_LEFT = "levelLeft";

	/** Whether every package of the level is done on the machine (Boolean). */
	public static final String LEVEL_SUCCEEDED = "levelSucceeded";

	/** The loop's element: one package's deployment at the level (Long). */
	public static final String LEVEL_DEPLOYMENT_ID = "levelDeploymentId";

	private DeployBundleVariables() {
	}

}
