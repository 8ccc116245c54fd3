package parc.ui.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleTarget;

/**
 * A schedule in the JSON names of {@code /api/schedules}, a public contract: {@code id,
 * name, kind, target, cron | everyHours, window, concurrency, enabled}, and its next fire
 * times.
 */
record ScheduleView(long id, String name, ScheduleKind kind, ScheduleTarget target, String cron, Integer everyHours,
		String window, int concurrency, boolean enabled, String createdBy, Instant createdAt, Instant updatedAt,
		List<Instant> nextFireTimes) {

	static final int NEXT_FIRES = 5;

	static ScheduleView of(Schedule schedule, Instant now, ZoneId zone) {
		return new ScheduleView(schedule.id(), schedule.name(), schedule.kind(), schedule.target(),
				schedule.recurrence().cron(), schedule.recurrence().everyHours(),
				(schedule.window() == null) ? null : schedule.window().toString(), schedule.concurrency(),
				schedule.enabled(), schedule.createdBy(), schedule.createdAt(), schedule.updatedAt(),
				schedule.enabled() ? schedule.recurrence().nextFireTimes(now, zone, NEXT_FIRES) : List.of());
	}

}
