package parc.orchestrator.schedule;

/**
 * The work of one kind of schedule, done for one run. Each kind has one bean, in the
 * module that owns the work (the agentless inventory starts processes, the sweep probes
 * addresses).
 */
public interface ScheduledWork {

	ScheduleKind kind();

	/**
	 * Does the run's work, reporting counts as it goes, or hands it to others (the
	 * engine) that finish the run through {@link ScheduleService#finishRun} when they are
	 * done.
	 * @param runId the run, RUNNING
	 * @return the counts, and whether the run is finished or handed over
	 * @throws RuntimeException to end the run FAILED with its message
	 */
	Result run(Schedule schedule, long runId, Progress progress);

	/**
	 * Before each run of the schedule: a run left running by work that can no longer end
	 * it (a process cancelled from Cockpit) is set right, or every later fire would be
	 * skipped.
	 */
	default void repair(Schedule schedule) {
	}

	/** Where a run's counts go while it works, for the runs page. */
	@FunctionalInterface
	interface Progress {

		void counts(ScheduleRun.Counts counts);

	}

	/**
	 * How the work left the run.
	 *
	 * @param counts the counts so far
	 * @param handedOver true when others finish the run; false when it is finished DONE
	 */
	record Result(ScheduleRun.Counts counts, boolean handedOver) {

		public static Result finished(ScheduleRun.Counts counts) {
			return new Result(counts, false);
		}

		public static Result handedOver(ScheduleRun.Counts counts) {
			return new Result(counts, true);
		}

	}

}
