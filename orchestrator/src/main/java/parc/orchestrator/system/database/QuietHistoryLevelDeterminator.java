package parc.orchestrator.system.database;

import java.util.List;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code camunda.bpm.history-level: auto}, the level a database was created with,
 * else the configured default. The starter's own determinator asks the engine's property
 * table even when it does not exist yet: on a first start PostgreSQL then logs
 * {@code ERROR: relation "act_ge_property" does not exist} and the starter a WARN, noise
 * an administrator can do nothing about. This one looks for the table first.
 */
final class QuietHistoryLevelDeterminator implements HistoryLevelDeterminator {

	private static final List<HistoryLevel> LEVELS = List.of(HistoryLevel.HISTORY_LEVEL_NONE,
			HistoryLevel.HISTORY_LEVEL_ACTIVITY, HistoryLevel.HISTORY_LEVEL_AUDIT, HistoryLevel.HISTORY_LEVEL_FULL);

	private final JdbcTemplate jdbc;

	private final String defaultLevel;

	QuietHistoryLevelDeterminator(JdbcTemplate jdbc, CamundaBpmProperties properties) {
		this.jdbc = jdbc;
		this.defaultLevel = properties.getHistoryLevelDefault();
	}

	@Override
	public String determineHistoryLevel() {
		Boolean created = this.jdbc.queryForObject("select to_regclass('act_ge_property') is not null", Boolean.class);
		if (!Boolean.TRUE.equals(created)) {
			return this.defaultLevel;
		}
		List<Integer> stored = this.jdbc.queryForList(
				"select cast(value_ as integer) from act_ge_property where name_ = 'historyLevel'", Integer.class);
		if (stored.isEmpty()) {
			return this.defaultLevel;
		}
		return LEVELS.stream()
			.filter((level) -> level.getId() == stored.get(0))
			.map(HistoryLevel::getName)
			.findFirst()
			.orElse(this.defaultLevel);
	}

}
