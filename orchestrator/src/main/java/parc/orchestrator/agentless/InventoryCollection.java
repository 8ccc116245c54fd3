package parc.orchestrator.agentless;

import java.time.Instant;

/**
 * An inventory collection requested from the console or the API. The JSON names are a
 * public contract of {@code POST /api/machines/{id}/inventory/collect}.
 *
 * @param id the collection
 * @param machineId the machine
 * @param state running, done or failed
 * @param requestedBy who asked
 * @param requestedAt when
 * @param finishedAt when it ended, or null
 * @param outcome for a done collection: FIRST, UPDATED or UNCHANGED
 * @param error for a failed one: why
 */
public record InventoryCollection(long id, long machineId, State state, String requestedBy, Instant requestedAt,
		Instant finishedAt, String outcome, String error) {

	/** Where a collection stands. */
	public enum State {

		RUNNING, DONE, FAILED

	}

}
