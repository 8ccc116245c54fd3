package parc.agentlessadapter.ssh;

import java.security.KeyPair;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;

import parc.agentlessadapter.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateKeyReaderTest {

	@Test
	void shouldReadEd25519RsaAndEcdsaKeys() throws Exception {
		for (KeyPair pair : new KeyPair[] { TestKeys.ed25519(), TestKeys.rsa(), TestKeys.ecdsa() }) {
			PrivateKeyReader.KeyDescription description = PrivateKeyReader.describe(TestKeys.openSshText(pair, null),
					null);
			assertThat(description.fingerprint()).isEqualTo(KeyUtils.getFingerPrint(pair.getPublic()));
			assertThat(description.keyType()).isEqualTo(KeyUtils.getKeyType(pair));
		}
	}

	@Test
	void shouldOpenAPassphraseProtectedKey() throws Exception {
		KeyPair pair = TestKeys.ed25519();
		String text = TestKeys.openSshText(pair, "correct horse");
		assertThat(PrivateKeyReader.describe(text, "correct horse").fingerprint())
			.isEqualTo(KeyUtils.getFingerPrint(pair.getPublic()));
	}

	@Test
	void shouldSayWhenThePassphraseIsMissingOrWrong() throws Exception {
		String text = TestKeys.openSshText(TestKeys.ed25519(), "correct horse");
		assertThatThrownBy(() -> PrivateKeyReader.read(text, null)).isInstanceOf(InvalidPrivateKeyException.class)
			.hasMessageContaining("protected by a passphrase");
		assertThatThrownBy(() -> PrivateKeyReader.read(text, "battery staple"))
			.isInstanceOf(InvalidPrivateKeyException.class)
			.hasMessageContaining("passphrase does not open");
	}

	@Test
	void shouldRefuseTextThatIsNoKey() {
		assertThatThrownBy(() -> PrivateKeyReader.read("ssh-ed25519 AAAAC3Nz... a public key", null))
			.isInstanceOf(InvalidPrivateKeyException.class)
			.hasMessageContaining("private key");
		assertThatThrownBy(() -> PrivateKeyReader.read("  ", null)).isInstanceOf(InvalidPrivateKeyException.class);
	}

}
