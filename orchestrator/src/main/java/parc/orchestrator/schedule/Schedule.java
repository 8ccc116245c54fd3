package parc.orchestrator.schedule;

import java.time.Instant;

/**
 * A schedule as stored.
 *
 * @param id its id
 * @param name unique
 * @param kind what it runs
 * @param target what it works on
 * @param recurrence when it fires
 * @param window the allowed hours, null for any
 * @param concurrency machines or addresses worked on at once
 * @param enabled whether it fires
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt last change
 */
public record Schedule(long id, String name, ScheduleKind kind, ScheduleTarget target, ScheduleRecurrence recurrence,
		AllowedHours window, int concurrency, boolean enabled, String createdBy, Instant createdAt, Instant updatedAt) {

}
