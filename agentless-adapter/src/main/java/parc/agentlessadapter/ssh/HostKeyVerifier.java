package parc.agentlessadapter.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Checks the server's key during key exchange against the {@link HostKeyStore}. MINA only
 * learns "not valid", so the refusal with its fingerprints is kept here for
 * {@link SshConnector} to take and throw. The host and port are those the session was
 * asked to connect to, read from the session itself: key exchange can start before the
 * connector gets the session back, and a session closed after a refusal drops its
 * attributes.
 */
final class HostKeyVerifier implements ServerKeyVerifier {

	static final AttributeKey<String> FINGERPRINT = new AttributeKey<>();

	private final Map<ClientSession, HostKeyRejectedException> rejections = new ConcurrentHashMap<>();

	private final HostKeyStore store;

	private final Supplier<HostKeyPolicy> policy;

	HostKeyVerifier(HostKeyStore store, Supplier<HostKeyPolicy> policy) {
		this.store = store;
		this.policy = policy;
	}

	static String fingerprint(PublicKey key) {
		return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
	}

	@Override
	public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
		SshdSocketAddress target = SshdSocketAddress.toSshdSocketAddress(session.getConnectAddress());
		String host = target.getHostName();
		int port = target.getPort();
		String user = session.getUsername();
		String presented = fingerprint(serverKey);
		String keyType = KeyUtils.getKeyType(serverKey);
		session.setAttribute(FINGERPRINT, presented);
		Optional<KnownHostKey> known = this.store.find(host, port);
		if (known.isEmpty()) {
			boolean trusted = this.policy.get() != HostKeyPolicy.REQUIRE_APPROVAL;
			this.store.recordFirstContact(new KnownHostKey(host, port, keyType, presented, trusted));
			if (trusted) {
				return true;
			}
			return reject(session, new HostKeyRejectedException(host, port, user,
					HostKeyRejectedException.Reason.AWAITING_APPROVAL, presented, presented));
		}
		KnownHostKey recorded = known.get();
		if (!recorded.fingerprint().equals(presented)) {
			this.store.recordMismatch(host, port, keyType, presented);
			return reject(session, new HostKeyRejectedException(host, port, user,
					HostKeyRejectedException.Reason.CHANGED, presented, recorded.fingerprint()));
		}
		if (!recorded.trusted()) {
			return reject(session, new HostKeyRejectedException(host, port, user,
					HostKeyRejectedException.Reason.AWAITING_APPROVAL, presented, presented));
		}
		return true;
	}

	private boolean reject(ClientSession session, HostKeyRejectedException rejection) {
		this.rejections.put(session, rejection);
		return false;
	}

	/** The refusal of this session's key, if any, forgotten once taken. */
	HostKeyRejectedException takeRejection(ClientSession session) {
		return this.rejections.remove(session);
	}

}
