package parc.orchestrator.network;

/**
 * A network, or a sweep of one, that cannot be accepted; names the field at fault.
 */
public class InvalidNetworkException extends RuntimeException {

	private final String field;

	public InvalidNetworkException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
