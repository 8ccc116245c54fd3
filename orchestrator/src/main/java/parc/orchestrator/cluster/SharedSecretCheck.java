package parc.orchestrator.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps nodes from running with different copies of what they must share (the vault's
 * key, the deployment server's CA): the first node records a fingerprint of its copy,
 * every later one compares its own and refuses to go on when they differ, rather than
 * write secrets the others cannot read or serve a certificate agents do not trust.
 */
@Component
public class SharedSecretCheck {

	private static final Logger log = LoggerFactory.getLogger(SharedSecretCheck.class);

	private final ClusterRepository repository;

	private final ThisNode node;

	SharedSecretCheck(ClusterRepository repository, ThisNode node) {
		this.repository = repository;
		this.node = node;
	}

	/**
	 * @param secret what is checked, as recorded ("vault-key")
	 * @param fingerprint this node's fingerprint of it, which must not reveal it
	 * @param what how the message calls this node's copy ("This node's vault key
	 * (/srv/parc/vault/master.key)")
	 * @param remedy what the administrator should do
	 * @throws SharedSecretMismatchException when another node recorded another copy
	 */
	public void require(String secret, String fingerprint, String what, String remedy) {
		if (this.repository.fingerprint(secret).isEmpty()) {
			this.repository.recordFingerprint(secret, fingerprint);
			log.debug("Fingerprint of {} recorded by node {}", secret, this.node.name());
		}
		String recorded = this.repository.fingerprint(secret).orElseThrow();
		if (!recorded.equals(fingerprint)) {
			throw new SharedSecretMismatchException(
					what + " is not the one this cluster uses (recorded by " + this.repository.recordedBy(secret)
							+ "). " + remedy + " Node " + this.node.name() + " does not start.");
		}
	}

}
