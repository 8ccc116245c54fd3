package parc.orchestrator.credential;

/**
 * What a credential holds. The names are a public contract of {@code /api/credentials}.
 */
public enum CredentialType {

	/** An SSH private key, optionally passphrase-protected. */
	SSH_KEY,

	/** A login password. */
	PASSWORD

}
