package parc.orchestrator.schedule;

import org.quartz.JobExecutionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What Quartz runs for a schedule's trigger. Concurrent fires are allowed on purpose: a
 * fire during a run must be recorded SKIPPED, which Quartz's own "no concurrent
 * execution" would hide by delaying it. Spring's job factory autowires it.
 */
public class ScheduleFireJob extends QuartzJobBean {

	static final String SCHEDULE_ID = "scheduleId";

	/** Quartz's default misfire threshold: a fire later than this was missed. */
	private static final long MISFIRE_MILLIS = 60_000;

	private ScheduleRunner runner;

	@Autowired
	void setRunner(ScheduleRunner runner) {
		this.runner = runner;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		long scheduleId = context.getMergedJobDataMap().getLong(SCHEDULE_ID);
		boolean missed = context.getScheduledFireTime() != null
				&& context.getFireTime().getTime() - context.getScheduledFireTime().getTime() > MISFIRE_MILLIS;
		try {
			this.runner.run(scheduleId, missed ? ScheduleRunner.BY_START_UP : ScheduleRunner.BY_SCHEDULE);
		}
		catch (ScheduleNotFoundException ex) {
			// Deleted on another node between the fire and now: its trigger goes with it.
		}
	}

}
