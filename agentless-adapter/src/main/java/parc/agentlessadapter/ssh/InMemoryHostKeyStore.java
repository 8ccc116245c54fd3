package parc.agentlessadapter.ssh;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link HostKeyStore} that lives as long as the object; thread-safe. */
public final class InMemoryHostKeyStore implements HostKeyStore {

	private final Map<String, KnownHostKey> keys = new ConcurrentHashMap<>();

	private final Map<String, String> mismatches = new ConcurrentHashMap<>();

	@Override
	public Optional<KnownHostKey> find(String host, int port) {
		return Optional.ofNullable(this.keys.get(id(host, port)));
	}

	@Override
	public void recordFirstContact(KnownHostKey key) {
		this.keys.putIfAbsent(id(key.host(), key.port()), key);
	}

	@Override
	public void recordMismatch(String host, int port, String keyType, String presentedFingerprint) {
		this.mismatches.put(id(host, port), presentedFingerprint);
	}

	/**
	 * Trusts the key last presented for this host, as an administrator's approval does.
	 */
	public void approve(String host, int port, String keyType, String fingerprint) {
		this.keys.put(id(host, port), new KnownHostKey(host, port, keyType, fingerprint, true));
		this.mismatches.remove(id(host, port));
	}

	/** The fingerprint of a refused, changed key, if any. */
	public Optional<String> mismatch(String host, int port) {
		return Optional.ofNullable(this.mismatches.get(id(host, port)));
	}

	private static String id(String host, int port) {
		return host.toLowerCase() + ":" + port;
	}

}
