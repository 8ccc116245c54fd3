package parc.orchestrator.schedule;

import java.util.Date;
import java.util.Optional;

import org.quartz.JobExecutionContext;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What Quartz runs for a schedule's trigger. Concurrent fires are allowed on purpose: a
 * fire during a run must be recorded SKIPPED, which Quartz's own "no concurrent
 * execution" would hide by delaying it. Spring's job factory autowires it.
 */
public class ScheduleFireJob extends QuartzJobBean {

	static final String SCHEDULE_ID = "scheduleId";

	private ScheduleRunner runner;

	/** Quartz's misfire threshold: a fire later than this was missed. */
	private long misfireMillis = 60_000;

	@Value("${spring.quartz.properties.org.quartz.jobStore.misfireThreshold:60000}")
	void setMisfireMillis(long misfireMillis) {
		this.misfireMillis = misfireMillis;
	}

	@Autowired
	void setRunner(ScheduleRunner runner) {
		this.runner = runner;
	}

	/**
	 * Whether this fire stands for fires missed while Parc was down. Quartz moves a
	 * missed trigger's fire time to "now" before firing it, so the gap shows between the
	 * last fire and this one: the trigger would have fired in between.
	 */
	boolean missedFires(JobExecutionContext context) {
		Date previous = context.getPreviousFireTime();
		Date scheduled = context.getScheduledFireTime();
		if (previous == null || scheduled == null) {
			return false;
		}
		Trigger trigger = context.getTrigger();
		long expected = (trigger instanceof SimpleTrigger simple) ? previous.getTime() + simple.getRepeatInterval()
				: Optional.ofNullable(trigger.getFireTimeAfter(previous)).map(Date::getTime).orElse(Long.MAX_VALUE);
		return scheduled.getTime() - expected > this.misfireMillis;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		long scheduleId = context.getMergedJobDataMap().getLong(SCHEDULE_ID);
		boolean missed = missedFires(context);
		try {
			this.runner.run(scheduleId, missed ? ScheduleRunner.BY_START_UP : ScheduleRunner.BY_SCHEDULE);
		}
		catch (ScheduleNotFoundException ex) {
			// Deleted on another node between the fire and now: its trigger goes with it.
		}
	}

}
