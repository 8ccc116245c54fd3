package parc.routes.agentless;

import java.util.Optional;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.HostKeyStore;
import parc.agentlessadapter.ssh.KnownHostKey;
import parc.orchestrator.hostkey.HostKeyService;

/** The adapter's host-key store on Parc's database. */
@Component
class DatabaseHostKeyStore implements HostKeyStore {

	private final HostKeyService hostKeys;

	DatabaseHostKeyStore(HostKeyService hostKeys) {
		this.hostKeys = hostKeys;
	}

	@Override
	public Optional<KnownHostKey> find(String host, int port) {
		return this.hostKeys.find(host, port)
			.map((key) -> new KnownHostKey(key.host(), key.port(), key.keyType(), key.fingerprint(), key.trusted()));
	}

	@Override
	public void recordFirstContact(KnownHostKey key) {
		this.hostKeys.recordFirstContact(key.host(), key.port(), key.keyType(), key.fingerprint(), key.trusted());
	}

	@Override
	public void recordMismatch(String host, int port, String keyType, String presentedFingerprint) {
		this.hostKeys.recordMismatch(host, port, keyType, presentedFingerprint);
	}

}
