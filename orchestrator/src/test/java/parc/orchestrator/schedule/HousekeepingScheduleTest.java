package parc.orchestrator.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housekeeping is a schedule like the others: there from the first start, nightly at
 * 03:30, with a Quartz trigger, and a run forgets old machine imports, inventory changes,
 * quick-action runs and pulled files, keeping the recent ones.
 */
@PostgresBackedTest
class HousekeepingScheduleTest {

	@Autowired
	ScheduleService schedules;

	@Autowired
	ScheduleRunner runner;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ParcProperties parc;

	private Schedule housekeeping() {
		return this.schedules.list(new PageRequest(0, 500))
			.content()
			.stream()
			.filter((schedule) -> schedule.kind() == ScheduleKind.HOUSEKEEPING)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldBeScheduledNightlyWithATriggerFromTheFirstStart() throws Exception {
		Schedule housekeeping = housekeeping();

		assertThat(housekeeping.name()).isEqualTo("Housekeeping");
		assertThat(housekeeping.recurrence()).isEqualTo(ScheduleRecurrence.cron("0 30 3 * * ?"));
		Trigger trigger = this.scheduler.getTrigger(
				TriggerKey.triggerKey(ScheduleTriggers.jobKey(housekeeping.id()).getName(), ScheduleTriggers.GROUP));
		assertThat(trigger).as("added at start-up").isNotNull();
		assertThat(
				LocalTime.ofInstant(trigger.getFireTimeAfter(new java.util.Date()).toInstant(), this.schedules.zone()))
			.isEqualTo(LocalTime.of(3, 30));
	}

	@Test
	void shouldForgetWhatIsPastItsRetentionAndKeepTheRest() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofDays(400));
		Instant lately = Instant.now().minus(Duration.ofDays(2));
		long oldImport = this.jdbc.sql("""
				insert into machine_import (file_name, source, mode, mapping, state, requested_by, finished_at)
				values ('old.csv', 'UPLOAD', 'GOOD_ROWS', '["name", "address"]', 'DONE', 'admin', ?) returning id
				""").param(Timestamp.from(Instant.now().minus(Duration.ofDays(40)))).query(Long.class).single();
		long machine = this.jdbc
			.sql("""
					insert into machine (name, address, os_family, channel) values (?, '192.0.2.9', 'LINUX', 'AGENTLESS_SSH')
					returning id
					""")
			.param("housekeeping-" + UUID.randomUUID())
			.query(Long.class)
			.single();
		for (Instant at : List.of(longAgo, lately)) {
			this.jdbc.sql("""
					insert into inventory_change (machine_id, snapshot_id, changed_at, category, kind, item)
					values (?, 0, ?, 'software', 'ADDED', 'bash')
					""").params(machine, Timestamp.from(at)).update();
		}
		List<Long> quickActions = new ArrayList<>();
		List<Long> pulls = new ArrayList<>();
		for (Instant at : List.of(longAgo, lately)) {
			long run = this.jdbc.sql("""
					insert into quick_action_run (label, requested_by, requested_at) values ('uptime', 'admin', ?)
					returning id
					""").param(Timestamp.from(at)).query(Long.class).single();
			this.jdbc.sql("""
					insert into quick_action_result (run_id, machine_id, machine_name, state, started_at, finished_at)
					values (?, ?, 'srv', 'DONE', ?, ?)
					""").params(run, machine, Timestamp.from(at), Timestamp.from(at)).update();
			quickActions.add(run);
			long pull = this.jdbc
				.sql("""
						insert into file_pull (machine_id, machine_name, folder, state, file_name, requested_by, requested_at,
						                       finished_at)
						values (?, 'srv', '/var/log', 'READY', 'syslog', 'admin', ?, ?) returning id
						""")
				.params(machine, Timestamp.from(at), Timestamp.from(at))
				.query(Long.class)
				.single();
			Path file = this.parc.dataDir().resolve("file-pulls").resolve(Long.toString(pull));
			Files.createDirectories(file.getParent());
			Files.writeString(file, "pulled");
			pulls.add(pull);
		}

		ScheduleRun run = this.runner.run(housekeeping().id(), ScheduleRunner.BY_SCHEDULE);

		assertThat(run.state()).isEqualTo(ScheduleRun.State.DONE);
		assertThat(run.counts()).as("four kinds of data, each one step").isEqualTo(new ScheduleRun.Counts(4, 4, 0));
		assertThat(count("select count(*) from machine_import where id = ?", oldImport)).isZero();
		assertThat(this.jdbc.sql("select changed_at from inventory_change where machine_id = ?")
			.param(machine)
			.query(Timestamp.class)
			.list()).as("the recent change only")
			.singleElement()
			.satisfies((at) -> assertThat(at.toInstant()).isAfter(longAgo));
		assertThat(count("select count(*) from quick_action_run where id = ?", quickActions.get(0))).isZero();
		assertThat(count("select count(*) from quick_action_result where run_id = ?", quickActions.get(0))).isZero();
		assertThat(count("select count(*) from quick_action_run where id = ?", quickActions.get(1))).isOne();
		assertThat(count("select count(*) from file_pull where id = ?", pulls.get(0))).isZero();
		assertThat(this.parc.dataDir().resolve("file-pulls").resolve(Long.toString(pulls.get(0)))).doesNotExist();
		assertThat(count("select count(*) from file_pull where id = ?", pulls.get(1))).isOne();
		assertThat(this.parc.dataDir().resolve("file-pulls").resolve(Long.toString(pulls.get(1)))).exists();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
