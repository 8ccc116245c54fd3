package parc.orchestrator.discovery;

/** A second sweep of a network while one runs. */
public class SweepRunningException extends RuntimeException {

	private final long networkId;

	public SweepRunningException(long networkId, String message) {
		super(message);
		this.networkId = networkId;
	}

	public long networkId() {
		return this.networkId;
	}

}
