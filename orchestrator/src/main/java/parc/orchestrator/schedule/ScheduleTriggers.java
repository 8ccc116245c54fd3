package parc.orchestrator.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.stereotype.Component;

/**
 * Keeps Quartz's triggers (in its clustered JDBC store) in step with the schedules: one
 * job and trigger per enabled schedule, in group {@value #GROUP}. Fires missed while Parc
 * was down give one run at start-up, not one per missed fire (Quartz's "fire once now"
 * misfire instruction).
 */
@Component
class ScheduleTriggers {

	static final String GROUP = "parc-schedules";

	private final Scheduler scheduler;

	ScheduleTriggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	static JobKey jobKey(long scheduleId) {
		return JobKey.jobKey("schedule-" + scheduleId, GROUP);
	}

	/** Adds, replaces or removes the schedule's trigger. */
	void sync(Schedule schedule, ZoneId zone) {
		try {
			JobKey key = jobKey(schedule.id());
			if (!schedule.enabled()) {
				this.scheduler.deleteJob(key);
				return;
			}
			JobDetail job = JobBuilder.newJob(ScheduleFireJob.class)
				.withIdentity(key)
				.usingJobData(ScheduleFireJob.SCHEDULE_ID, schedule.id())
				.storeDurably()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(TriggerKey.triggerKey(key.getName(), GROUP))
				.forJob(key)
				.withSchedule(scheduleOf(schedule.recurrence(), zone))
				.startAt(firstStart(schedule.recurrence()))
				.build();
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz refused the trigger of schedule " + schedule.id(), ex);
		}
	}

	/**
	 * Adds the trigger of an enabled schedule that has none, removes that of a disabled
	 * one; an existing trigger stays as it is.
	 * @return whether a trigger was added
	 */
	boolean syncIfMissing(Schedule schedule, ZoneId zone) {
		try {
			boolean exists = this.scheduler.checkExists(jobKey(schedule.id()));
			if (schedule.enabled() && !exists) {
				sync(schedule, zone);
				return true;
			}
			if (!schedule.enabled() && exists) {
				remove(schedule.id());
			}
			return false;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz cannot tell whether schedule " + schedule.id() + " has a trigger",
					ex);
		}
	}

	void remove(long scheduleId) {
		try {
			this.scheduler.deleteJob(jobKey(scheduleId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz refused to remove schedule " + scheduleId, ex);
		}
	}

	/**
	 * Jobs of schedules that no longer exist go (a schedule deleted on a node that then
	 * died).
	 */
	int removeAllBut(Set<Long> scheduleIds) {
		Set<JobKey> keep = new HashSet<>();
		scheduleIds.forEach((id) -> keep.add(jobKey(id)));
		int removed = 0;
		try {
			for (JobKey key : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
				if (!keep.contains(key)) {
					this.scheduler.deleteJob(key);
					removed++;
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz cannot list the schedule triggers", ex);
		}
		return removed;
	}

	private static ScheduleBuilder<? extends Trigger> scheduleOf(ScheduleRecurrence recurrence, ZoneId zone) {
		if (recurrence.cron() != null) {
			return CronScheduleBuilder.cronSchedule(recurrence.cron())
				.inTimeZone(TimeZone.getTimeZone(zone))
				.withMisfireHandlingInstructionFireAndProceed();
		}
		return SimpleScheduleBuilder.repeatHourlyForever(recurrence.everyHours())
			.withMisfireHandlingInstructionNowWithExistingCount();
	}

	/**
	 * Every N hours counts from now: the first fire is N hours on, not at once. A cron's
	 * first fire is its first time after now: Quartz drops the start's milliseconds and
	 * fires at the start's own second when the cron has it, so a start of 10:00:30.2
	 * would fire for 10:00:30, before the schedule was saved. The next whole second is
	 * after now.
	 */
	private static Date firstStart(ScheduleRecurrence recurrence) {
		// Quartz's own time, the system's: not the application clock tests may set.
		Instant now = Instant.now();
		return Date.from((recurrence.everyHours() != null) ? now.plusSeconds(3600L * recurrence.everyHours())
				: now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
	}

}
