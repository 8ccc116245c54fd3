package parc.agentlessadapter.ssh;

/**
 * How Parc authenticates to a target. The secrets never appear in {@link #toString()}.
 */
public sealed interface SshAuth permits SshAuth.PrivateKey, SshAuth.Password {

	/**
	 * A private key in OpenSSH or PEM text form (ed25519, RSA, ECDSA).
	 * @param keyText the key file's text
	 * @param passphrase its passphrase, or null when it has none
	 */
	static SshAuth privateKey(String keyText, String passphrase) {
		return new PrivateKey(keyText, passphrase);
	}

	static SshAuth password(String password) {
		return new Password(password);
	}

	/** Key authentication; see {@link SshAuth#privateKey(String, String)}. */
	record PrivateKey(String keyText, String passphrase) implements SshAuth {

		public PrivateKey {
			if (keyText == null || keyText.isBlank()) {
				throw new IllegalArgumentException("private key text is empty");
			}
		}

		@Override
		public String toString() {
			return "PrivateKey[" + ((this.passphrase != null) ? "with passphrase" : "no passphrase") + "]";
		}

	}

	/** Password authentication. */
	record Password(String password) implements SshAuth {

		public Password {
			if (password == null) {
				throw new IllegalArgumentException("password is null");
			}
		}

		@Override
		public String toString() {
			return "Password[****]";
		}

	}

}
