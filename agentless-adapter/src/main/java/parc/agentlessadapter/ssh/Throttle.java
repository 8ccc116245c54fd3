package parc.agentlessadapter.ssh;

/**
 * Holds a sender to a byte rate: after each chunk it sleeps until the bytes sent so far
 * fit the rate since the start. Small enough that a library would add more than it saves.
 * Not thread-safe: one per transfer.
 */
final class Throttle {

	private final long bytesPerSecond;

	private final long start = System.nanoTime();

	private long sent;

	/**
	 * @param bytesPerSecond 0 for no cap
	 */
	Throttle(long bytesPerSecond) {
		this.bytesPerSecond = bytesPerSecond;
	}

	void sent(long bytes) throws InterruptedTransferException {
		this.sent += bytes;
		if (this.bytesPerSecond <= 0) {
			return;
		}
		long due = this.start + this.sent * 1_000_000_000L / this.bytesPerSecond;
		long wait = due - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedTransferException();
			}
		}
	}

	/** The transfer's thread was interrupted while it waited for its rate. */
	static final class InterruptedTransferException extends java.io.IOException {

		InterruptedTransferException() {
			super("transfer interrupted");
		}

	}

}
