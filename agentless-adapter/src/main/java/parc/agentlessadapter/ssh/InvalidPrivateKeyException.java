package parc.agentlessadapter.ssh;

/** A private key's text cannot be used; the message says why, without the key. */
public final class InvalidPrivateKeyException extends IllegalArgumentException {

	public InvalidPrivateKeyException(String message) {
		super(message);
	}

}
