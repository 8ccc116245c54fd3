package parc.orchestrator.credential;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.cluster.SharedSecretCheck;
import parc.orchestrator.cluster.SharedSecretMismatchException;
import parc.orchestrator.system.ParcProperties;

/**
 * Stores, lists, replaces and removes credentials. A key is read when it is stored (by
 * the {@link PrivateKeyInspector}), so a wrong passphrase or a pasted public key is
 * refused at once rather than at the first deployment. Secrets are encrypted before they
 * reach the database and only {@link #secretOf(long)} decrypts them.
 */
@Service
@Validated
@EnableConfigurationProperties(VaultProperties.class)
public class CredentialService {

	private final CredentialRepository repository;

	private final SecretCipher cipher;

	private final PrivateKeyInspector keys;

	private final ObjectMapper json = new ObjectMapper();

	private final Clock clock;

	CredentialService(CredentialRepository repository, ParcProperties properties, VaultProperties vault,
			SharedSecretCheck sharedSecrets, PrivateKeyInspector keys, Optional<Clock> clock) {
		this.repository = repository;
		MasterKey.Loaded key = MasterKey.load(vault, properties.sharedDir());
		this.cipher = new SecretCipher(key.key());
		requireTheClustersKey(key, sharedSecrets);
		this.keys = keys;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A node must not start with a key other than the one the stored secrets were written
	 * with: it would fail on every machine later, or worse, write secrets the other nodes
	 * cannot read. A database from before the check is tested by decrypting one stored
	 * secret.
	 */
	private void requireTheClustersKey(MasterKey.Loaded key, SharedSecretCheck sharedSecrets) {
		String remedy = "Give every node the same key: copy vault/master.key from the shared folder of a running node"
				+ " (or set PARC_VAULT_KEY to its content on every node).";
		Optional<byte[]> stored = this.repository.anySecret();
		if (stored.isPresent()) {
			try {
				this.cipher.decrypt(stored.get());
			}
			catch (RuntimeException ex) {
				throw new SharedSecretMismatchException("This node's vault key (" + key.origin()
						+ ") cannot decrypt the credentials stored in the database. " + remedy + " Parc does not"
						+ " start.");
			}
		}
		sharedSecrets.require("vault-key", key.fingerprint(), "This node's vault key (" + key.origin() + ")", remedy);
	}

	public List<Credential> list() {
		return this.repository.findAll();
	}

	/**
	 * @throws CredentialNotFoundException when there is none with this id
	 */
	public Credential get(long id) {
		return this.repository.find(id).orElseThrow(() -> new CredentialNotFoundException(id));
	}

	public boolean exists(long id) {
		return this.repository.find(id).isPresent();
	}

	/**
	 * @throws InvalidCredentialException when the secret is missing or the key unusable
	 * @throws DuplicateCredentialNameException when the name is taken
	 */
	@Transactional
	public Credential create(@Valid CredentialDraft draft) {
		String name = draft.name().trim();
		requireFreeName(name, null);
		Sealed sealed = seal(draft, null);
		long id = this.repository.insert(name, draft.type(), blankToNull(draft.username()), sealed.keyType(),
				sealed.fingerprint(), sealed.secret(), this.clock.instant());
		return get(id);
	}

	/**
	 * Renames or replaces a credential. Empty secret fields keep the stored secret when
	 * the type does not change.
	 */
	@Transactional
	public Credential replace(long id, @Valid CredentialDraft draft) {
		Credential current = get(id);
		String name = draft.name().trim();
		requireFreeName(name, id);
		Sealed sealed = seal(draft, (current.type() == draft.type()) ? current : null);
		Instant now = this.clock.instant();
		this.repository.update(id, name, draft.type(), blankToNull(draft.username()), sealed.keyType(),
				sealed.fingerprint(), sealed.secret(), now);
		return get(id);
	}

	/**
	 * @throws CredentialInUseException when machines still use it
	 */
	@Transactional
	public void delete(long id) {
		Credential credential = get(id);
		int users = this.repository.machinesUsing(id);
		if (users > 0) {
			throw new CredentialInUseException(credential.name(), users);
		}
		try {
			this.repository.delete(id);
		}
		catch (DataIntegrityViolationException ex) {
			// A machine took it between the count and the delete.
			throw new CredentialInUseException(credential.name(), this.repository.machinesUsing(id));
		}
	}

	/**
	 * The decrypted secret, for the SSH adapter. Never send it to a client.
	 */
	public CredentialSecret secretOf(long id) {
		Credential credential = get(id);
		byte[] stored = this.repository.secret(id).orElseThrow(() -> new CredentialNotFoundException(id));
		Map<String, String> fields = readSecret(this.cipher.decrypt(stored));
		return new CredentialSecret(credential.type(), credential.username(), fields.get("privateKey"),
				fields.get("passphrase"), fields.get("password"));
	}

	private Sealed seal(CredentialDraft draft, Credential keepFrom) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (draft.type() == CredentialType.SSH_KEY) {
			if (isBlank(draft.privateKey())) {
				if (keepFrom == null) {
					throw new InvalidCredentialException("privateKey", "an SSH key credential needs the private key");
				}
				CredentialSecret kept = secretOf(keepFrom.id());
				String passphrase = isBlank(draft.passphrase()) ? kept.passphrase() : draft.passphrase();
				PrivateKeyInspector.KeyDescription key = this.keys.describe(kept.privateKey(), passphrase);
				fields.put("privateKey", kept.privateKey());
				putIfPresent(fields, "passphrase", passphrase);
				return new Sealed(key.keyType(), key.fingerprint(), encrypt(fields));
			}
			PrivateKeyInspector.KeyDescription key = this.keys.describe(draft.privateKey(),
					blankToNull(draft.passphrase()));
			fields.put("privateKey", draft.privateKey().strip() + "\n");
			putIfPresent(fields, "passphrase", blankToNull(draft.passphrase()));
			return new Sealed(key.keyType(), key.fingerprint(), encrypt(fields));
		}
		if (isBlank(draft.password())) {
			if (keepFrom == null) {
				throw new InvalidCredentialException("password", "a password credential needs the password");
			}
			fields.put("password", secretOf(keepFrom.id()).password());
		}
		else {
			fields.put("password", draft.password());
		}
		return new Sealed(null, null, encrypt(fields));
	}

	private byte[] encrypt(Map<String, String> fields) {
		try {
			return this.cipher.encrypt(this.json.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A map of strings is always JSON", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> readSecret(byte[] plaintext) {
		try {
			return this.json.readValue(plaintext, Map.class);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("A decrypted secret is not readable", ex);
		}
	}

	private void requireFreeName(String name, Long id) {
		if (this.repository.nameTakenByAnother(name, id)) {
			throw new DuplicateCredentialNameException(name);
		}
	}

	private static void putIfPresent(Map<String, String> fields, String key, String value) {
		if (value != null) {
			fields.put(key, value);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return isBlank(text) ? null : text.trim();
	}

	private record Sealed(String keyType, String fingerprint, byte[] secret) {

	}

}
