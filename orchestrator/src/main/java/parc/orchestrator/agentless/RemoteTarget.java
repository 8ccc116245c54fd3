package parc.orchestrator.agentless;

import parc.orchestrator.credential.CredentialSecret;
import parc.orchestrator.machine.OsFamily;

/**
 * Everything the gateway needs to reach one machine over SSH. Holds a decrypted secret:
 * built just before use, never stored or logged ({@link #toString()} hides it).
 *
 * @param machineId the machine
 * @param host address to connect to
 * @param port SSH port
 * @param username login
 * @param secret key or password
 * @param osFamily decides the command language (Windows: PowerShell; else sh)
 */
public record RemoteTarget(long machineId, String host, int port, String username, CredentialSecret secret,
		OsFamily osFamily) {

	@Override
	public String toString() {
		return this.username + "@" + this.host + ":" + this.port + " (machine " + this.machineId + ")";
	}

}
