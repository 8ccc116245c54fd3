package parc.orchestrator.hostkey;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers SSH host keys for the agentless adapter, and lets administrators approve a
 * first-seen key or accept a changed one. Hosts are compared ignoring case. Called from
 * SSH I/O threads during key exchange: each call is one short statement.
 */
@Service
public class HostKeyService {

	private final HostKeyRepository repository;

	private final Clock clock;

	HostKeyService(HostKeyRepository repository, Optional<Clock> clock) {
		this.repository = repository;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Optional<HostKey> find(String host, int port) {
		return this.repository.find(normalise(host), port);
	}

	public List<HostKey> list() {
		return this.repository.findAll();
	}

	public void recordFirstContact(String host, int port, String keyType, String fingerprint, boolean trusted) {
		this.repository.insertIfAbsent(normalise(host), port, keyType, fingerprint, trusted, this.clock.instant());
	}

	public void recordMismatch(String host, int port, String keyType, String presentedFingerprint) {
		this.repository.recordPresented(normalise(host), port, keyType, presentedFingerprint, this.clock.instant());
	}

	/**
	 * Replaces the recorded key by the one the server presented. The fingerprint the
	 * administrator saw must still be the presented one, so a key that changed again
	 * meanwhile is not accepted blindly.
	 * @throws HostKeyNotFoundException when there is no such presented key
	 */
	@Transactional
	public HostKey acceptPresentedKey(String host, int port, String fingerprint, String administrator) {
		if (!this.repository.acceptPresented(normalise(host), port, fingerprint, administrator, this.clock.instant())) {
			throw new HostKeyNotFoundException(host, port);
		}
		return find(host, port).orElseThrow();
	}

	/**
	 * Trusts a first-seen key that waits for approval.
	 * @throws HostKeyNotFoundException when no such pending key exists
	 */
	@Transactional
	public HostKey approve(String host, int port, String fingerprint, String administrator) {
		if (!this.repository.approve(normalise(host), port, fingerprint, administrator, this.clock.instant())) {
			throw new HostKeyNotFoundException(host, port);
		}
		return find(host, port).orElseThrow();
	}

	/** Forgets a host's key: the next contact is a first contact again. */
	@Transactional
	public void forget(String host, int port) {
		if (!this.repository.delete(normalise(host), port)) {
			throw new HostKeyNotFoundException(host, port);
		}
	}

	private static String normalise(String host) {
		return host.trim().toLowerCase(Locale.ROOT);
	}

}
