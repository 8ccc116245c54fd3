package parc.orchestrator.schedule;

/**
 * The work of one kind of schedule, done for one run. Each kind has one bean, in the
 * module that owns the work (the agentless inventory starts processes, the sweep probes
 * addresses).
 */
public interface ScheduledWork {

	ScheduleKind kind();

	/**
	 * Does the run's work, reporting counts as it goes.
	 * @return the final counts
	 * @throws RuntimeException to end the run FAILED with its message
	 */
	ScheduleRun.Counts run(Schedule schedule, Progress progress);

	/** Where a run's counts go while it works, for the runs page. */
	@FunctionalInterface
	interface Progress {

		void counts(ScheduleRun.Counts counts);

	}

}
