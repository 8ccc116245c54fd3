package parc.agentlessadapter.ssh;

/**
 * The server's host key was refused: it changed since it was recorded, or it waits for an
 * administrator's approval. Both fingerprints are given so the console can show them.
 */
public final class HostKeyRejectedException extends SshException {

	/** Why the key was refused. */
	public enum Reason {

		/** The server presented another key than the recorded, trusted one. */
		CHANGED,

		/** The key is recorded but not approved yet. */
		AWAITING_APPROVAL

	}

	private final Reason reason;

	private final String presentedFingerprint;

	private final String knownFingerprint;

	HostKeyRejectedException(String host, int port, String username, Reason reason, String presentedFingerprint,
			String knownFingerprint) {
		super(host, port, username, SshStep.HOST_KEY, detail(reason, presentedFingerprint, knownFingerprint), null);
		this.reason = reason;
		this.presentedFingerprint = presentedFingerprint;
		this.knownFingerprint = knownFingerprint;
	}

	private static String detail(Reason reason, String presented, String known) {
		if (reason == Reason.CHANGED) {
			return "the server's host key changed: it presented " + presented + " but " + known
					+ " is recorded. This can be a reinstalled machine or an attack; an administrator must accept"
					+ " the new key before Parc connects again";
		}
		return "the server's host key " + presented + " waits for an administrator's approval";
	}

	public Reason reason() {
		return this.reason;
	}

	/** The fingerprint the server presented now. */
	public String presentedFingerprint() {
		return this.presentedFingerprint;
	}

	/** The recorded fingerprint; equals the presented one while awaiting approval. */
	public String knownFingerprint() {
		return this.knownFingerprint;
	}

}
