package parc.orchestrator.schedule;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** A draft once checked and completed: what is stored. */
record ScheduleValues(String name, ScheduleKind kind, ScheduleTarget target, ScheduleRecurrence recurrence,
		AllowedHours window, int concurrency, boolean enabled) {

	MapSqlParameterSource parameters() {
		return new MapSqlParameterSource().addValue("name", this.name)
			.addValue("kind", this.kind.name())
			.addValue("groupId", this.target.groupId())
			.addValue("networkIds",
					(this.target.networkIds() == null) ? null : this.target.networkIds().toArray(new Long[0]),
					java.sql.Types.ARRAY)
			.addValue("all", this.target.all())
			.addValue("cron", this.recurrence.cron())
			.addValue("everyHours", this.recurrence.everyHours())
			.addValue("window", (this.window == null) ? null : this.window.toString())
			.addValue("concurrency", this.concurrency)
			.addValue("enabled", this.enabled);
	}

}
