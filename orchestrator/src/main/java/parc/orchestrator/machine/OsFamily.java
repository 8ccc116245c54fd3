package parc.orchestrator.machine;

/**
 * The operating system family, which decides how Parc talks to a machine (shell, paths,
 * shutdown command).
 */
public enum OsFamily {

	LINUX, WINDOWS, MACOS, OTHER

}
