package parc.agentlessadapter.ssh;

/**
 * The command language a target's SSH server runs: a POSIX shell on Linux, macOS and
 * other Unixes, PowerShell (started from cmd.exe, Windows OpenSSH's default shell) on
 * Windows.
 */
public enum RemoteSystem {

	UNIX, WINDOWS

}
