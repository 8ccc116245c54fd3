package parc.agentlessadapter.ssh;

import java.util.Objects;

/**
 * A machine Parc reaches over SSH.
 *
 * @param host host name or IP address
 * @param port SSH port, 1 to 65535
 * @param username login
 * @param auth key or password
 * @param system the command language of the target
 */
public record SshTarget(String host, int port, String username, SshAuth auth, RemoteSystem system) {

	public SshTarget {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(auth, "auth");
		Objects.requireNonNull(system, "system");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("SSH port out of range: " + port);
		}
	}

	@Override
	public String toString() {
		return this.username + "@" + this.host + ":" + this.port + " (" + this.system + ")";
	}

}
