package parc.processes.deploypackage;

import parc.orchestrator.deployment.DeploymentPhaseVariables;

/** The {@code deploy-package} process: its key and the variables its gateways read. */
public final class DeployPackageVariables {

	public static final String PROCESS_KEY = DeploymentPhaseVariables.DEPLOY_PACKAGE;

	/** Whether the deployment wakes the machine first (Boolean). */
	public static final String WAKE_FIRST = "wakeFirst";

	/** Whether the install command runs (Boolean). */
	public static final String RUN_INSTALL_COMMAND = "runInstallCommand";

	/**
	 * Whether the machine's OCS agent delivers the package, instead of transfer, execute
	 * and delete over SSH (Boolean).
	 */
	public static final String DELIVER_THROUGH_AGENT = "deliverThroughAgent";

	/** Whether the files are deleted after success (Boolean). */
	public static final String DELETE_PACKAGE_FILES = "deletePackageFiles";

	/** Whether the machine's inventory is refreshed after success (Boolean). */
	public static final String REFRESH_INVENTORY = "refreshInventory";

	/** Whether the machine is shut down or restarted at the end (Boolean). */
	public static final String SEND_POWER_COMMAND = "sendPowerCommand";

	private DeployPackageVariables() {
	}

}
