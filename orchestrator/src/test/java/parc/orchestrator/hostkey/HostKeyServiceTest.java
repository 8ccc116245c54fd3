package parc.orchestrator.hostkey;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class HostKeyServiceTest {

	@Autowired
	HostKeyService hostKeys;

	private static String host() {
		return "Host-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
	}

	@Test
	void shouldKeepTheFirstKeyWhenTwoFirstContactsRace() {
		String host = host();
		this.hostKeys.recordFirstContact(host, 22, "ssh-ed25519", "SHA256:first", true);
		this.hostKeys.recordFirstContact(host.toUpperCase(), 22, "ssh-ed25519", "SHA256:second", true);

		HostKey key = this.hostKeys.find(host.toLowerCase(), 22).orElseThrow();
		assertThat(key.fingerprint()).isEqualTo("SHA256:first");
		assertThat(key.trusted()).isTrue();
		assertThat(key.changed()).isFalse();
	}

	@Test
	void shouldAcceptAChangedKeyOnlyAsItWasShown() {
		String host = host();
		this.hostKeys.recordFirstContact(host, 2222, "ssh-ed25519", "SHA256:old", true);
		this.hostKeys.recordMismatch(host, 2222, "ecdsa-sha2-nistp256", "SHA256:new");
		HostKey changed = this.hostKeys.find(host, 2222).orElseThrow();
		assertThat(changed.changed()).isTrue();
		assertThat(changed.fingerprint()).isEqualTo("SHA256:old");
		assertThat(changed.presentedFingerprint()).isEqualTo("SHA256:new");

		assertThatThrownBy(() -> this.hostKeys.acceptPresentedKey(host, 2222, "SHA256:other", "admin"))
			.isInstanceOf(HostKeyNotFoundException.class);
		HostKey accepted = this.hostKeys.acceptPresentedKey(host, 2222, "SHA256:new", "admin");
		assertThat(accepted.fingerprint()).isEqualTo("SHA256:new");
		assertThat(accepted.keyType()).isEqualTo("ecdsa-sha2-nistp256");
		assertThat(accepted.approvedBy()).isEqualTo("admin");
		assertThat(accepted.changed()).isFalse();
	}

	@Test
	void shouldApproveAPendingFirstKey() {
		String host = host();
		this.hostKeys.recordFirstContact(host, 22, "ssh-rsa", "SHA256:pending", false);
		assertThat(this.hostKeys.find(host, 22).orElseThrow().trusted()).isFalse();

		HostKey approved = this.hostKeys.approve(host, 22, "SHA256:pending", "admin");
		assertThat(approved.trusted()).isTrue();
		assertThat(approved.approvedAt()).isNotNull();

		this.hostKeys.forget(host, 22);
		assertThat(this.hostKeys.find(host, 22)).isEmpty();
	}

}
