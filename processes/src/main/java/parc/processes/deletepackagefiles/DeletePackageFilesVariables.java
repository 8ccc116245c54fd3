package parc.processes.deletepackagefiles;

/**
 * The {@code delete-package-files} process: its key. Its variables are the phases' own
 * ({@link parc.processes.shared.PhaseVariables}).
 */
public final class DeletePackageFilesVariables {

	public static final String PROCESS_KEY = "delete-package-files";

	private DeletePackageFilesVariables() {
	}

}
