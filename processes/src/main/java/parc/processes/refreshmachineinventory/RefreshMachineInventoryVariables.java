package parc.processes.refreshmachineinventory;

/**
 * The {@code refresh-machine-inventory} process: its key. Its variables are the phases'
 * own ({@link parc.processes.shared.PhaseVariables}).
 */
public final class RefreshMachineInventoryVariables {

	public static final String PROCESS_KEY = "refresh-machine-inventory";

	private RefreshMachineInventoryVariables() {
	}

}
