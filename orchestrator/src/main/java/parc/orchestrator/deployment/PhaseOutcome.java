package parc.orchestrator.deployment;

/** How a phase attempt ended, as the work reports it. */
public enum PhaseOutcome {

	/** Done. */
	DONE,

	/** The machine could not be reached: tried again after the delay. */
	UNREACHABLE,

	/** The work failed (a non-zero exit, a checksum that does not match...). */
	FAILED,

	/**
	 * The window closed or the end date came while it ran: re-scheduled, not counted as a
	 * failure.
	 */
	CUT,

	/**
	 * Parc stopped while the work ran (a crash, a kill): tried again at once, not counted
	 * as a failure.
	 */
	INTERRUPTED,

	/**
	 * An administrator withdrew the package from the machine's agent: the machine is
	 * stopped (not failed), nothing more happens to it.
	 */
	WITHDRAWN,

	/**
	 * The work is under way outside Parc (a woken machine starting up): the same task
	 * runs again at the result's {@code checkAt}, without holding a slot meanwhile.
	 */
	WAITING

}
