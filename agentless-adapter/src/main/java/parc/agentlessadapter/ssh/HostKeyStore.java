package parc.agentlessadapter.ssh;

import java.util.Optional;

/**
 * Where host keys are remembered: Parc's database in the application,
 * {@link InMemoryHostKeyStore} in tests and tools. Called from MINA's I/O threads during
 * key exchange, so implementations must be thread-safe and quick.
 */
public interface HostKeyStore {

	/** The key recorded for this host and port, trusted or pending. */
	Optional<KnownHostKey> find(String host, int port);

	/** Records the key of a first contact, trusted or pending approval. */
	void recordFirstContact(KnownHostKey key);

	/**
	 * Records that the server presented another key than the recorded one, so that an
	 * administrator can compare both fingerprints and accept the new key.
	 */
	void recordMismatch(String host, int port, String keyType, String presentedFingerprint);

}
