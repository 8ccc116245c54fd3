package parc.orchestrator.inventory;

import java.time.Instant;

/**
 * What became of one offline inventory file.
 *
 * @param fileName the file
 * @param channel how it arrived
 * @param status imported (new machine), updated, unchanged or rejected
 * @param machineId the machine it was filed under; null when rejected
 * @param machineName that machine's name; null when rejected
 * @param reason why it was rejected; null otherwise
 * @param importedBy who uploaded it; null for the watched folder
 * @param importedAt when
 */
public record InventoryImportResult(String fileName, Channel channel, Status status, Long machineId, String machineName,
		String reason, String importedBy, Instant importedAt) {

	/** How an import file arrived. */
	public enum Channel {

		UPLOAD, FOLDER, API

	}

	/** What became of it. */
	public enum Status {

		IMPORTED, UPDATED, UNCHANGED, REJECTED

	}

}
