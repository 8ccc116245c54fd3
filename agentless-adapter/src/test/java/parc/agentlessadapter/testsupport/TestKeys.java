package parc.agentlessadapter.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** Keys generated for one test run, never stored: the OpenSSH text a credential holds. */
public final class TestKeys {

	private TestKeys() {
	}

	public static KeyPair ed25519() throws Exception {
		return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
	}

	public static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	public static KeyPair ecdsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	/**
	 * The private key in OpenSSH's format, encrypted with AES-256-CTR when a passphrase
	 * is given.
	 */
	public static String openSshText(KeyPair pair, String passphrase) throws Exception {
		OpenSSHKeyEncryptionContext encryption = null;
		if (passphrase != null) {
			encryption = new OpenSSHKeyEncryptionContext();
			encryption.setCipherName("AES");
			encryption.setCipherMode("CTR");
			encryption.setCipherType("256");
			encryption.setPassword(passphrase);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "parc-test", encryption, out);
		return out.toString(StandardCharsets.US_ASCII);
	}

}
