package parc.orchestrator.agentless;

/**
 * A machine could not be reached or worked on over SSH. The message names the user, host,
 * port and step and is meant for administrators; it holds no secret.
 */
public class RemoteAccessException extends RuntimeException {

	/** The step that failed, as the adapter names them. */
	public enum Step {

		CONNECT, HOST_KEY, AUTH, TRANSFER, COMMAND

	}

	private final Step step;

	private final String presentedFingerprint;

	private final String knownFingerprint;

	public RemoteAccessException(Step step, String message, String presentedFingerprint, String knownFingerprint,
			Throwable cause) {
		super(message, cause);
		this.step = step;
		this.presentedFingerprint = presentedFingerprint;
		this.knownFingerprint = knownFingerprint;
	}

	public RemoteAccessException(Step step, String message, Throwable cause) {
		this(step, message, null, null, cause);
	}

	public Step step() {
		return this.step;
	}

	/** For a refused host key: the fingerprint the server presented. */
	public String presentedFingerprint() {
		return this.presentedFingerprint;
	}

	/** For a refused host key: the recorded fingerprint. */
	public String knownFingerprint() {
		return this.knownFingerprint;
	}

}
