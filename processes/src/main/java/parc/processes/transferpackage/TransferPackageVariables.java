package parc.processes.transferpackage;

/**
 * The {@code transfer-package} process: its key. Its variables are the phases' own
 * ({@link parc.processes.shared.PhaseVariables}).
 */
public final class TransferPackageVariables {

	public static final String PROCESS_KEY = "transfer-package";

	private TransferPackageVariables() {
	}

}
