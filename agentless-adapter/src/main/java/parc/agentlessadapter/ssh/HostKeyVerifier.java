package parc.agentlessadapter.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Optional;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Checks the server's key during key exchange against the {@link HostKeyStore}. MINA only
 * learns "not valid", so the refusal with its fingerprints is left on the session for
 * {@link SshConnector} to throw.
 */
final class HostKeyVerifier implements ServerKeyVerifier {

	static final AttributeKey<SshTarget> TARGET = new AttributeKey<>();

	static final AttributeKey<HostKeyRejectedException> REJECTION = new AttributeKey<>();

	static final AttributeKey<String> FINGERPRINT = new AttributeKey<>();

	private final HostKeyStore store;

	private final HostKeyPolicy policy;

	HostKeyVerifier(HostKeyStore store, HostKeyPolicy policy) {
		this.store = store;
		this.policy = policy;
	}

	static String fingerprint(PublicKey key) {
		return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
	}

	@Override
	public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
		SshTarget target = session.getAttribute(TARGET);
		if (target == null) {
			// Every session comes from SshConnector, which sets the target first.
			return false;
		}
		String presented = fingerprint(serverKey);
		String keyType = KeyUtils.getKeyType(serverKey);
		session.setAttribute(FINGERPRINT, presented);
		Optional<KnownHostKey> known = this.store.find(target.host(), target.port());
		if (known.isEmpty()) {
			boolean trusted = this.policy == HostKeyPolicy.TRUST_ON_FIRST_USE;
			this.store.recordFirstContact(new KnownHostKey(target.host(), target.port(), keyType, presented, trusted));
			if (trusted) {
				return true;
			}
			return reject(session, new HostKeyRejectedException(target,
					HostKeyRejectedException.Reason.AWAITING_APPROVAL, presented, presented));
		}
		KnownHostKey recorded = known.get();
		if (!recorded.fingerprint().equals(presented)) {
			this.store.recordMismatch(target.host(), target.port(), keyType, presented);
			return reject(session, new HostKeyRejectedException(target, HostKeyRejectedException.Reason.CHANGED,
					presented, recorded.fingerprint()));
		}
		if (!recorded.trusted()) {
			return reject(session, new HostKeyRejectedException(target,
					HostKeyRejectedException.Reason.AWAITING_APPROVAL, presented, presented));
		}
		return true;
	}

	private static boolean reject(ClientSession session, HostKeyRejectedException rejection) {
		session.setAttribute(REJECTION, rejection);
		return false;
	}

}
