package parc.orchestrator.hostkey;

import java.time.Instant;

/**
 * The host key Parc holds for a host and port. The JSON names are part of
 * {@code /api/host-keys}.
 *
 * @param host as Parc addresses the machine
 * @param port SSH port
 * @param keyType recorded key's SSH type
 * @param fingerprint recorded key's SHA-256 fingerprint
 * @param trusted false while the recorded key waits for approval
 * @param firstSeenAt when the recorded key was first seen
 * @param approvedBy who approved or accepted it, null for trust on first use
 * @param approvedAt when
 * @param presentedKeyType type of a different key the server presented since, or null
 * @param presentedFingerprint its fingerprint, or null: set means connections are refused
 * until an administrator accepts it
 * @param presentedAt when it was last presented
 */
public record HostKey(String host, int port, String keyType, String fingerprint, boolean trusted, Instant firstSeenAt,
		String approvedBy, Instant approvedAt, String presentedKeyType, String presentedFingerprint,
		Instant presentedAt) {

	/** Whether the server presented another key than the recorded one. */
	public boolean changed() {
		return this.presentedFingerprint != null;
	}

}
