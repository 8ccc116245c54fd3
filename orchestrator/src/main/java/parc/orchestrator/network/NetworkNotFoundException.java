package parc.orchestrator.network;

public class NetworkNotFoundException extends RuntimeException {

	public NetworkNotFoundException(long id) {
		super("No network " + id);
	}

}
