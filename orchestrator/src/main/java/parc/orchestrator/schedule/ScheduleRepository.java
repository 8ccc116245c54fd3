package parc.orchestrator.schedule;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class ScheduleRepository {

	private final JdbcClient jdbc;

	ScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(ScheduleValues values, String by, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into schedule (name, kind, target_group_id, target_network_ids, target_all, cron, every_hours,
				                      window_hours, concurrency, enabled, created_by, created_at, updated_at)
				values (:name, :kind, :groupId, :networkIds, :all, :cron, :everyHours, :window, :concurrency, :enabled,
				        :by, :now, :now)
				""")
			.paramSource(values.parameters().addValue("by", by).addValue("now", Timestamp.from(now)))
			.update(key, "id");
		return key.getKey().longValue();
	}

	boolean update(long id, ScheduleValues values, Instant now) {
		return this.jdbc.sql("""
				update schedule set name = :name, kind = :kind, target_group_id = :groupId,
				       target_network_ids = :networkIds, target_all = :all, cron = :cron, every_hours = :everyHours,
				       window_hours = :window, concurrency = :concurrency, enabled = :enabled, updated_at = :now
				 where id = :id
				""")
			.paramSource(values.parameters().addValue("now", Timestamp.from(now)).addValue("id", id))
			.update() == 1;
	}

	Optional<Schedule> find(long id) {
		return this.jdbc.sql("select * from schedule where id = ?").param(id).query(this::map).optional();
	}

	Page<Schedule> list(PageRequest page) {
		long total = this.jdbc.sql("select count(*) from schedule").query(Long.class).single();
		List<Schedule> schedules = this.jdbc.sql("select * from schedule order by name, id limit ? offset ?")
			.params(page.size(), page.offset())
			.query(this::map)
			.list();
		return new Page<>(schedules, page.page(), page.size(), total);
	}

	List<Schedule> all() {
		return this.jdbc.sql("select * from schedule order by id").query(this::map).list();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from schedule where id = ?").param(id).update() == 1;
	}

	/**
	 * A new RUNNING run, unless one is running already: the partial unique index decides,
	 * on whichever node asks first.
	 */
	Optional<Long> startRun(long scheduleId, String startedBy, Instant now) {
		return this.jdbc.sql("""
				insert into schedule_run (schedule_id, started_at, state, started_by)
				values (?, ?, 'RUNNING', ?)
				on conflict (schedule_id) where state = 'RUNNING' do nothing
				returning id
				""").params(scheduleId, Timestamp.from(now), startedBy).query(Long.class).optional();
	}

	Optional<ScheduleRun> running(long scheduleId) {
		return this.jdbc.sql("select * from schedule_run where schedule_id = ? and state = 'RUNNING'")
			.param(scheduleId)
			.query(ScheduleRepository::mapRun)
			.optional();
	}

	long insertSkipped(long scheduleId, String startedBy, String reason, Instant now) {
		return this.jdbc.sql("""
				insert into schedule_run (schedule_id, started_at, finished_at, state, started_by, error)
				values (?, ?, ?, 'SKIPPED', ?, ?)
				returning id
				""")
			.params(scheduleId, Timestamp.from(now), Timestamp.from(now), startedBy, reason)
			.query(Long.class)
			.single();
	}

	void counts(long runId, ScheduleRun.Counts counts) {
		this.jdbc.sql("update schedule_run set planned = ?, done = ?, failed = ? where id = ?")
			.params(counts.planned(), counts.done(), counts.failed(), runId)
			.update();
	}

	void handOver(long runId) {
		this.jdbc.sql("update schedule_run set handed_over = true where id = ? and state = 'RUNNING'")
			.param(runId)
			.update();
	}

	boolean finishRun(long runId, ScheduleRun.State state, ScheduleRun.Counts counts, String error, Instant now) {
		return this.jdbc.sql("""
				update schedule_run set state = ?, planned = ?, done = ?, failed = ?, error = ?, finished_at = ?
				 where id = ? and state = 'RUNNING'
				""")
			.params(state.name(), counts.planned(), counts.done(), counts.failed(), error, Timestamp.from(now), runId)
			.update() == 1;
	}

	Optional<ScheduleRun> run(long runId) {
		return this.jdbc.sql("select * from schedule_run where id = ?")
			.param(runId)
			.query(ScheduleRepository::mapRun)
			.optional();
	}

	Page<ScheduleRun> runs(long scheduleId, PageRequest page) {
		long total = this.jdbc.sql("select count(*) from schedule_run where schedule_id = ?")
			.param(scheduleId)
			.query(Long.class)
			.single();
		List<ScheduleRun> runs = this.jdbc
			.sql("select * from schedule_run where schedule_id = ? order by started_at desc, id desc limit ? offset ?")
			.params(scheduleId, page.size(), page.offset())
			.query(ScheduleRepository::mapRun)
			.list();
		return new Page<>(runs, page.page(), page.size(), total);
	}

	private Schedule map(ResultSet rs, int row) throws SQLException {
		long groupId = rs.getLong("target_group_id");
		Long group = rs.wasNull() ? null : groupId;
		Array networks = rs.getArray("target_network_ids");
		List<Long> networkIds = (networks == null) ? null : Arrays.asList((Long[]) networks.getArray());
		int everyHours = rs.getInt("every_hours");
		Integer hours = rs.wasNull() ? null : everyHours;
		String window = rs.getString("window_hours");
		return new Schedule(rs.getLong("id"), rs.getString("name"), ScheduleKind.valueOf(rs.getString("kind")),
				new ScheduleTarget(group, networkIds, rs.getBoolean("target_all")),
				new ScheduleRecurrence(rs.getString("cron"), hours),
				(window == null) ? null : AllowedHours.parse(window), rs.getInt("concurrency"),
				rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static ScheduleRun mapRun(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ScheduleRun(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
				(finished == null) ? null : finished.toInstant(), ScheduleRun.State.valueOf(rs.getString("state")),
				rs.getString("started_by"),
				new ScheduleRun.Counts(rs.getInt("planned"), rs.getInt("done"), rs.getInt("failed")),
				rs.getString("error"), rs.getString("run_node"));
	}

}
