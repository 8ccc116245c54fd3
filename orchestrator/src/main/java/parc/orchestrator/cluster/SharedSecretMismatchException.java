package parc.orchestrator.cluster;

/** A node's copy of a shared key differs from the cluster's: the node must not start. */
public class SharedSecretMismatchException extends IllegalStateException {

	public SharedSecretMismatchException(String message) {
		super(message);
	}

}
