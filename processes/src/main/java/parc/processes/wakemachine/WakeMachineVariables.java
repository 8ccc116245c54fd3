package parc.processes.wakemachine;

/**
 * The {@code wake-machine} process: its key. Its variables are the phases' own
 * ({@link parc.processes.shared.PhaseVariables}).
 */
public final class WakeMachineVariables {

	public static final String PROCESS_KEY = "wake-machine";

	private WakeMachineVariables() {
	}

}
