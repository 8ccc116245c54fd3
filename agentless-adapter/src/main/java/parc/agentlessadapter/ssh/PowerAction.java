package parc.agentlessadapter.ssh;

/** Power commands a target receives at the end of a deployment or from the console. */
public enum PowerAction {

	SHUTDOWN("shutdown -h now", "Stop-Computer -Force"),

	REBOOT("shutdown -r now", "Restart-Computer -Force");

	private final String unix;

	private final String windows;

	PowerAction(String unix, String windows) {
		this.unix = unix;
		this.windows = windows;
	}

	/**
	 * The script for a target: on Unix through {@code sudo -n} when the login is not
	 * root, so a missing sudo rule fails at once instead of waiting for a password.
	 */
	public String script(RemoteSystem system) {
		if (system == RemoteSystem.WINDOWS) {
			return this.windows;
		}
		return "if [ \"$(id -u)\" -eq 0 ]; then " + this.unix + "; else sudo -n " + this.unix + "; fi";
	}

}
