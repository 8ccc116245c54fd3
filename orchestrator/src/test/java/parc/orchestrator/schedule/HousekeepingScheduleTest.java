package parc.orchestrator.schedule;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housekeeping is a schedule like the others: there from the first start, nightly at
 * 03:30, with a Quartz trigger, and a run forgets old machine imports.
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
	void shouldForgetOldMachineImportsWhenRun() {
		long old = this.jdbc.sql("""
				insert into machine_import (file_name, source, mode, mapping, state, requested_by, finished_at)
				values ('old.csv', 'UPLOAD', 'GOOD_ROWS', '["name", "address"]', 'DONE', 'admin', ?) returning id
				""").param(Timestamp.from(Instant.now().minus(Duration.ofDays(40)))).query(Long.class).single();

		ScheduleRun run = this.runner.run(housekeeping().id(), ScheduleRunner.BY_SCHEDULE);

		assertThat(run.state()).isEqualTo(ScheduleRun.State.DONE);
		assertThat(run.counts()).isEqualTo(new ScheduleRun.Counts(1, 1, 0));
		assertThat(
				this.jdbc.sql("select count(*) from machine_import where id = ?").param(old).query(Long.class).single())
			.isZero();
	}

}
