package parc.processes.deploytomachines;

import parc.orchestrator.deployment.DeploymentPhaseVariables;

/** The {@code deploy-to-machines} process: its key and its inputs. */
public final class DeployToMachinesVariables {

	public static final String PROCESS_KEY = DeploymentPhaseVariables.DEPLOY_TO_MACHINES;

	/** Input: the process each machine runs, {@code deploy-package} (String). */
	public static final String MACHINE_PROCESS = DeploymentPhaseVariables.MACHINE_PROCESS;

	private DeployToMachinesVariables() {
	}

}
