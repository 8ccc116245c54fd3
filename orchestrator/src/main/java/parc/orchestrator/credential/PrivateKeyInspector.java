package parc.orchestrator.credential;

/**
 * Port: reads a private key's text to check it and describe its public half. Implemented
 * where the SSH library lives ({@code routes}); the orchestrator does not parse keys.
 */
public interface PrivateKeyInspector {

	/**
	 * @throws InvalidCredentialException when the text is no usable private key or the
	 * passphrase does not open it; the message says which, without the key
	 */
	KeyDescription describe(String privateKey, String passphrase);

	/**
	 * @param keyType SSH key type name
	 * @param fingerprint SHA-256 fingerprint of the public key
	 */
	record KeyDescription(String keyType, String fingerprint) {

	}

}
