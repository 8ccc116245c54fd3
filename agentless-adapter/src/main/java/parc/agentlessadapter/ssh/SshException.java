package parc.agentlessadapter.ssh;

/**
 * An SSH unit of work failed. The message names the user, host, port and step, so that it
 * can be shown to an administrator as is; it never contains a secret.
 */
public class SshException extends RuntimeException {

	private final String host;

	private final int port;

	private final String username;

	private final SshStep step;

	public SshException(SshTarget target, SshStep step, String detail, Throwable cause) {
		this(target.host(), target.port(), target.username(), step, detail, cause);
	}

	public SshException(String host, int port, String username, SshStep step, String detail, Throwable cause) {
		super(describe(host, port, username, step, detail), cause);
		this.host = host;
		this.port = port;
		this.username = username;
		this.step = step;
	}

	public SshException(SshTarget target, SshStep step, String detail) {
		this(target, step, detail, null);
	}

	private static String describe(String host, int port, String username, SshStep step, String detail) {
		return "SSH " + step.name().toLowerCase().replace('_', ' ') + " failed for " + username + "@" + host + ":"
				+ port + ": " + detail;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String username() {
		return this.username;
	}

	public SshStep step() {
		return this.step;
	}

}
