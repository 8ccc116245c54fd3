package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Collection;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads a private key from its text, OpenSSH or PEM form, ed25519, RSA or ECDSA, with or
 * without a passphrase. Used to authenticate and, when a credential is stored, to check
 * the key and show its public fingerprint. Thread-safe.
 */
public final class PrivateKeyReader {

	private static final NamedResource CREDENTIAL = NamedResource.ofName("credential");

	private PrivateKeyReader() {
	}

	/**
	 * @throws InvalidPrivateKeyException when the text is not a private key, the
	 * passphrase is missing or wrong, or the key type is not supported
	 */
	public static KeyPair read(String keyText, String passphrase) {
		if (keyText == null || keyText.isBlank()) {
			throw new InvalidPrivateKeyException("the private key is empty");
		}
		FilePasswordProvider passwords = (passphrase == null || passphrase.isEmpty()) ? FilePasswordProvider.EMPTY
				: FilePasswordProvider.of(passphrase);
		Collection<KeyPair> pairs;
		try {
			pairs = SecurityUtils.getKeyPairResourceParser()
				.loadKeyPairs(null, CREDENTIAL, passwords, keyText.strip() + "\n");
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			boolean encrypted = keyText.contains("ENCRYPTED") || isEncryptedOpenSshKey(keyText);
			if (encrypted && (passphrase == null || passphrase.isEmpty())) {
				throw new InvalidPrivateKeyException("the private key is protected by a passphrase; give it");
			}
			if (encrypted) {
				throw new InvalidPrivateKeyException("the passphrase does not open this private key");
			}
			throw new InvalidPrivateKeyException("not a readable private key (" + ex.getClass().getSimpleName() + ")");
		}
		if (pairs == null || pairs.isEmpty()) {
			throw new InvalidPrivateKeyException(
					"not a private key: expected an OpenSSH or PEM private key (BEGIN ... PRIVATE KEY)");
		}
		return pairs.iterator().next();
	}

	/** The key's type and the OpenSSH SHA-256 fingerprint of its public half. */
	public static KeyDescription describe(String keyText, String passphrase) {
		KeyPair pair = read(keyText, passphrase);
		return new KeyDescription(KeyUtils.getKeyType(pair), KeyUtils.getFingerPrint(pair.getPublic()));
	}

	/**
	 * OpenSSH's own format names its cipher inside the base 64 body; "none" means clear.
	 */
	private static boolean isEncryptedOpenSshKey(String keyText) {
		if (!keyText.contains("BEGIN OPENSSH PRIVATE KEY")) {
			return false;
		}
		String body = keyText.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
		try {
			byte[] bytes = java.util.Base64.getDecoder().decode(body);
			String head = new String(bytes, 0, Math.min(bytes.length, 64),
					java.nio.charset.StandardCharsets.ISO_8859_1);
			return !head.contains("none");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * @param keyType SSH key type name, {@code ssh-ed25519} for example
	 * @param fingerprint {@code SHA256:} then unpadded base 64, as {@code ssh-keygen -l}
	 * prints it
	 */
	public record KeyDescription(String keyType, String fingerprint) {

	}

}
