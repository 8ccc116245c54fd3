package parc.orchestrator.pkg;

/**
 * What an OCS agent does with a package once its files are unpacked. The names are a
 * public contract of {@code /api/packages} ({@code agent.action}).
 */
public enum AgentAction {

	/** Runs the package's command in the unpacked folder; exit 0 is a success. */
	EXECUTE,

	/** Runs one file of the package with its arguments; every exit code is reported. */
	LAUNCH,

	/** Copies the files into a folder of the machine. */
	STORE

}
