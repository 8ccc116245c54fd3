package parc.processes.runinstallcommand;

/**
 * The {@code run-install-command} process: its key. Its variables are the phases' own
 * ({@link parc.processes.shared.PhaseVariables}).
 */
public final class RunInstallCommandVariables {

	public static final String PROCESS_KEY = "run-install-command";

	private RunInstallCommandVariables() {
	}

}
