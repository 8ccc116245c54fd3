package parc.agentlessadapter.ssh;

/**
 * One file of a push, verified on the target.
 *
 * @param relativePath path inside the working directory, {@code /} separated
 * @param size bytes
 * @param sha256 lower-case hex, as computed on the target after the transfer
 * @param transfer what this push had to do for it
 */
public record PushedFile(String relativePath, long size, String sha256, Transfer transfer) {

	/** What a push did for one file. */
	public enum Transfer {

		/** Sent whole. */
		SENT,

		/** A partial copy was on the target; only the missing end was sent. */
		RESUMED,

		/** A complete copy with the right checksum was already there. */
		ALREADY_PRESENT

	}

}
