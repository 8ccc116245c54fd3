package parc.orchestrator.credential;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class CredentialServiceTest {

	/**
	 * A key generated for this run (PKCS#8 PEM): the orchestrator's stand-in inspector
	 * takes any key-shaped text, the real parsing is tested in routes.
	 */
	private static final String KEY = generatedKey();

	/** A line from the middle of the key's body: what a leak would show. */
	private static final String KEY_MATERIAL = KEY.lines().skip(5).findFirst().orElseThrow();

	@Autowired
	CredentialService credentials;

	@Autowired
	MachineService machines;

	@Autowired
	JdbcClient jdbc;

	private static String generatedKey() {
		try {
			java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
			return "-----BEGIN PRIVATE KEY-----\n"
					+ java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
					+ "\n-----END PRIVATE KEY-----\n";
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldStoreAKeyEncryptedAndDescribeItsPublicHalf() {
		Credential credential = this.credentials.create(
				new CredentialDraft(unique("deploy-key"), CredentialType.SSH_KEY, "deploy", KEY, "open sesame", null));

		assertThat(credential.fingerprint()).startsWith("SHA256:");
		assertThat(credential.keyType()).isEqualTo("ssh-ed25519");
		byte[] stored = this.jdbc.sql("select secret from credential where id = ?")
			.param(credential.id())
			.query(byte[].class)
			.single();
		String storedText = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(storedText).doesNotContain(KEY_MATERIAL).doesNotContain("open sesame").doesNotContain("PRIVATE KEY");

		CredentialSecret secret = this.credentials.secretOf(credential.id());
		assertThat(secret.privateKey()).isEqualTo(KEY);
		assertThat(secret.passphrase()).isEqualTo("open sesame");
		assertThat(secret.toString()).doesNotContain(KEY_MATERIAL);
	}

	@Test
	void shouldSealEachSecretWithItsOwnNonce() {
		Credential first = this.credentials.create(
				new CredentialDraft(unique("same-a"), CredentialType.PASSWORD, "root", null, null, "same password"));
		Credential second = this.credentials.create(
				new CredentialDraft(unique("same-b"), CredentialType.PASSWORD, "root", null, null, "same password"));
		List<byte[]> stored = this.jdbc.sql("select secret from credential where id in (?, ?)")
			.params(first.id(), second.id())
			.query(byte[].class)
			.list();
		assertThat(stored.get(0)).isNotEqualTo(stored.get(1));
	}

	@Test
	void shouldKeepTheSecretWhenOnlyTheNameChanges() {
		Credential credential = this.credentials
			.create(new CredentialDraft(unique("ops"), CredentialType.PASSWORD, "ops", null, null, "hunter2"));
		String newName = unique("ops-renamed");
		Credential renamed = this.credentials.replace(credential.id(),
				new CredentialDraft(newName, CredentialType.PASSWORD, "ops", null, null, ""));
		assertThat(renamed.name()).isEqualTo(newName);
		assertThat(this.credentials.secretOf(credential.id()).password()).isEqualTo("hunter2");

		this.credentials.replace(credential.id(),
				new CredentialDraft(newName, CredentialType.PASSWORD, "ops", null, null, "correct horse"));
		assertThat(this.credentials.secretOf(credential.id()).password()).isEqualTo("correct horse");
	}

	@Test
	void shouldRefuseAKeyCredentialWithoutAKeyAndAPublicKeyInstead() {
		assertThatThrownBy(() -> this.credentials
			.create(new CredentialDraft(unique("empty"), CredentialType.SSH_KEY, "root", " ", null, null)))
			.isInstanceOfSatisfying(InvalidCredentialException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("privateKey"));
		assertThatThrownBy(() -> this.credentials.create(new CredentialDraft(unique("public"), CredentialType.SSH_KEY,
				"root", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host", null, null)))
			.isInstanceOf(InvalidCredentialException.class);
		assertThatThrownBy(() -> this.credentials
			.create(new CredentialDraft(unique("nopw"), CredentialType.PASSWORD, "root", null, null, null)))
			.isInstanceOfSatisfying(InvalidCredentialException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("password"));
	}

	@Test
	void shouldRefuseADuplicateNameIgnoringCase() {
		String name = unique("Shared");
		this.credentials.create(new CredentialDraft(name, CredentialType.PASSWORD, null, null, null, "a"));
		assertThatThrownBy(() -> this.credentials
			.create(new CredentialDraft(name.toUpperCase(), CredentialType.PASSWORD, null, null, null, "b")))
			.isInstanceOf(DuplicateCredentialNameException.class);
	}

	@Test
	void shouldRefuseToDeleteACredentialMachinesUse() {
		Credential credential = this.credentials
			.create(new CredentialDraft(unique("in-use"), CredentialType.PASSWORD, "root", null, null, "pw"));
		this.machines.register(new MachineDraft(unique("uses-it"), "192.0.2.30", List.of(), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 22, null, credential.id(), List.of(), null, null));

		assertThatThrownBy(() -> this.credentials.delete(credential.id())).isInstanceOf(CredentialInUseException.class)
			.hasMessageContaining("1 machine");

		Credential unused = this.credentials
			.create(new CredentialDraft(unique("unused"), CredentialType.PASSWORD, "root", null, null, "pw"));
		this.credentials.delete(unused.id());
		assertThat(this.credentials.exists(unused.id())).isFalse();
	}

}
