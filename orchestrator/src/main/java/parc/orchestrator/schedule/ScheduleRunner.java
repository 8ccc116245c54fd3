package parc.orchestrator.schedule;

import java.time.Clock;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a schedule once: records the run (or why it was skipped), hands it to the work of
 * its kind and records how it ended. Called by Quartz for each fire and by an admin's
 * "run now".
 */
@Service
public class ScheduleRunner {

	/** Who started a run Quartz fired on time. */
	public static final String BY_SCHEDULE = "schedule";

	/** Who started the one run that stands for fires missed while Parc was down. */
	public static final String BY_START_UP = "start-up";

	private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

	private final ScheduleService schedules;

	private final Map<ScheduleKind, ScheduledWork> works = new EnumMap<>(ScheduleKind.class);

	private final Clock clock;

	/** Runs an admin started: one thread each, as few as admins start at once. */
	private final ExecutorService background = Executors
		.newCachedThreadPool(new CustomizableThreadFactory("schedule-run-"));

	ScheduleRunner(ScheduleService schedules, List<ScheduledWork> works, Optional<Clock> clock) {
		this.schedules = schedules;
		works.forEach((work) -> this.works.put(work.kind(), work));
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Runs a fire of the schedule, in the calling thread (a Quartz thread), within its
	 * allowed hours.
	 * @param startedBy {@link #BY_SCHEDULE} or {@link #BY_START_UP}
	 * @return the run as it ended, or as it was skipped
	 */
	public ScheduleRun run(long scheduleId, String startedBy) {
		Schedule schedule = this.schedules.get(scheduleId);
		ScheduleRun run = begin(schedule, startedBy, true);
		return (run.state() == ScheduleRun.State.RUNNING) ? work(schedule, run) : run;
	}

	/**
	 * Starts a run at an admin's request, whatever the allowed hours, and lets it work in
	 * the background.
	 * @return the run as it started (RUNNING), or SKIPPED when one is still running
	 * @throws ScheduleNotFoundException when there is no such schedule
	 */
	public ScheduleRun runNow(long scheduleId, String admin) {
		Schedule schedule = this.schedules.get(scheduleId);
		ScheduleRun run = begin(schedule, admin, false);
		if (run.state() == ScheduleRun.State.RUNNING) {
			this.background.execute(() -> work(schedule, run));
		}
		return run;
	}

	private ScheduleRun begin(Schedule schedule, String startedBy, boolean withinWindow) {
		LocalTime time = LocalTime.ofInstant(this.clock.instant(), this.schedules.zone());
		if (withinWindow && schedule.window() != null && !schedule.window().allows(time)) {
			return this.schedules.skip(schedule.id(), startedBy, "outside its allowed hours " + schedule.window());
		}
		ScheduledWork work = this.works.get(schedule.kind());
		if (work != null) {
			work.repair(schedule);
		}
		ScheduleRun run = this.schedules.startRun(schedule.id(), startedBy);
		if (run.state() != ScheduleRun.State.RUNNING) {
			log.info("Schedule {} ({}): run skipped, {}", schedule.id(), schedule.name(), run.error());
		}
		return run;
	}

	private ScheduleRun work(Schedule schedule, ScheduleRun run) {
		ScheduledWork work = this.works.get(schedule.kind());
		ScheduleRun.Counts[] last = { new ScheduleRun.Counts(0, 0, 0) };
		try {
			if (work == null) {
				throw new IllegalStateException("this Parc has no work for " + schedule.kind() + " schedules yet");
			}
			ScheduledWork.Result result = work.run(schedule, run.id(), (progress) -> {
				last[0] = progress;
				this.schedules.progress(run.id(), progress);
			});
			if (result.handedOver()) {
				// Its counts are the engine's to keep from now on.
				this.schedules.handOver(run.id());
			}
			else {
				this.schedules.finishRun(run.id(), ScheduleRun.State.DONE, result.counts(), null);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Schedule {} ({}): run {} failed", schedule.id(), schedule.name(), run.id(), ex);
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			this.schedules.finishRun(run.id(), ScheduleRun.State.FAILED, last[0], reason);
		}
		return this.schedules.run(run.id());
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

}
