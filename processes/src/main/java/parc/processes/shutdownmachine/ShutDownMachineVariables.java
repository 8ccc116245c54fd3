package parc.processes.shutdownmachine;

/**
 * The {@code shut-down-machine} process: its key. Its variables are the phases' own
 * ({@link parc.processes.shared.PhaseVariables}).
 */
public final class ShutDownMachineVariables {

	public static final String PROCESS_KEY = "shut-down-machine";

	private ShutDownMachineVariables() {
	}

}
