package parc.orchestrator.hostkey;

/** Parc holds no host key for this host and port. */
public class HostKeyNotFoundException extends RuntimeException {

	public HostKeyNotFoundException(String host, int port) {
		super("No host key recorded for " + host + ":" + port);
	}

}
