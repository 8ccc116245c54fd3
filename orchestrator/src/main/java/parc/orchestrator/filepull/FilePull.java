package parc.orchestrator.filepull;

import java.time.Instant;

/**
 * A file pull. The JSON names are a public contract of {@code /api/file-pulls}.
 *
 * @param id the pull
 * @param machineId the source machine, or null when it was deleted since
 * @param machineName its name at the time
 * @param folder the folder on the machine
 * @param state in progress, ready, failed or cancelled
 * @param fileName the file's name on the machine, once known
 * @param sizeBytes its size, once ready
 * @param remoteModifiedAt its modification time on the machine, or null
 * @param requestedBy who asked
 * @param requestedAt when
 * @param finishedAt when it ended, or null
 * @param error why it failed, or null
 */
public record FilePull(long id, Long machineId, String machineName, String folder, State state, String fileName,
		Long sizeBytes, Instant remoteModifiedAt, String requestedBy, Instant requestedAt, Instant finishedAt,
		String error) {

	/** Where a pull stands. */
	public enum State {

		IN_PROGRESS, READY, FAILED, CANCELLED

	}

}
