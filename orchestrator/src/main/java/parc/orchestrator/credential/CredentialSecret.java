package parc.orchestrator.credential;

/**
 * A credential's decrypted secret, for the SSH adapter only. Never logged, never
 * serialised: {@link #toString()} hides it.
 *
 * @param type key or password
 * @param username the credential's login, or null
 * @param privateKey the key's text, for a key
 * @param passphrase the key's passphrase, or null
 * @param password the password, for a password
 */
public record CredentialSecret(CredentialType type, String username, String privateKey, String passphrase,
		String password) {

	@Override
	public String toString() {
		return "CredentialSecret[" + this.type + ", ****]";
	}

}
