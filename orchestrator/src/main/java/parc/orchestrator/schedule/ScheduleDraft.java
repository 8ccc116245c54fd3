package parc.orchestrator.schedule;

/**
 * A schedule as an admin writes it; {@link ScheduleService} checks and completes it.
 *
 * @param name unique, shown everywhere
 * @param kind what it runs
 * @param target what it works on
 * @param cron a Quartz cron expression, or null when {@code everyHours} is given
 * @param everyHours hours between fires, or null when {@code cron} is given
 * @param window the allowed hours, {@code "HH:MM-HH:MM"}, or null for any hour
 * @param concurrency machines or addresses worked on at once (10 when null)
 * @param enabled whether it fires (true when null)
 */
public record ScheduleDraft(String name, ScheduleKind kind, ScheduleTarget target, String cron, Integer everyHours,
		String window, Integer concurrency, Boolean enabled) {

}
