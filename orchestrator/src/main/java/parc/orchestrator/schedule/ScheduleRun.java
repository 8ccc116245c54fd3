package parc.orchestrator.schedule;

import java.time.Instant;

/**
 * One run of a schedule. The JSON names are a public contract of {@code GET
 * /api/schedules/{id}/runs}.
 *
 * @param id its id
 * @param startedAt when it started (or was skipped)
 * @param finishedAt when it ended, null while running
 * @param state where it stands
 * @param startedBy {@code schedule} for a fire, {@code start-up} for the one run after
 * missed fires, else the user who started it
 * @param counts what it planned, did and failed
 * @param error why it failed or was skipped
 * @param node the node it ran on (null for runs older than that record)
 */
public record ScheduleRun(long id, Instant startedAt, Instant finishedAt, State state, String startedBy, Counts counts,
		String error, String node) {

	/** A run whose node is not known. */
	public ScheduleRun(long id, Instant startedAt, Instant finishedAt, State state, String startedBy, Counts counts,
			String error) {
		this(id, startedAt, finishedAt, state, startedBy, counts, error, null);
	}

	public enum State {

		RUNNING, DONE, FAILED, SKIPPED

	}

	public record Counts(int planned, int done, int failed) {

	}

}
