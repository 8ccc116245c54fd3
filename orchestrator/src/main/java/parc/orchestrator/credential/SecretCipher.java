package parc.orchestrator.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce per secret: a version byte, the nonce, then the
 * ciphertext and its 128-bit tag. GCM's tag makes a tampered or swapped-key value fail to
 * decrypt instead of yielding garbage. Thread-safe.
 */
final class SecretCipher {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] CONTEXT = "parc-credential".getBytes(StandardCharsets.US_ASCII);

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(SecretKey key) {
		this.key = key;
	}

	byte[] encrypt(byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(CONTEXT);
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not sealed with this key: a master
	 * key that does not belong to this database
	 */
	byte[] decrypt(byte[] stored) {
		if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
			throw new IllegalStateException("A stored secret has an unknown format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
			cipher.updateAAD(CONTEXT);
			return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalStateException("A stored secret does not open with this master key: the data folder's"
					+ " vault/master.key is not the one this database was written with", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored secret cannot be decrypted", ex);
		}
	}

}
