package parc.orchestrator.discovery;

import java.time.Instant;

/**
 * A sweep of a network by this server.
 *
 * @param id its id
 * @param networkId the network
 * @param state RUNNING, DONE, FAILED or STOPPED
 * @param startedBy an admin, or {@code schedule <name>}
 * @param startedAt when
 * @param finishedAt when it ended, null while running
 * @param planned addresses to probe
 * @param probed addresses probed so far
 * @param found addresses that answered so far
 * @param error why it failed or who stopped it
 */
public record Sweep(long id, long networkId, State state, String startedBy, Instant startedAt, Instant finishedAt,
		int planned, int probed, int found, String error) {

	/** The names are a public contract of the REST API. */
	public enum State {

		RUNNING, DONE, FAILED, STOPPED

	}

}
