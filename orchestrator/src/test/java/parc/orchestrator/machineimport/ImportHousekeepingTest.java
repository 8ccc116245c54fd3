package parc.orchestrator.machineimport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The nightly housekeeping is a job of Parc's clustered Quartz scheduler, and running it
 * through Quartz reaches the service (the job is autowired by Spring's job factory).
 */
@PostgresBackedTest
class ImportHousekeepingTest {

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldBeScheduledNightlyAndForgetWhenRun() throws Exception {
		Trigger trigger = this.scheduler.getTrigger(TriggerKey.triggerKey(ImportHousekeeping.JOB_NAME, "parc"));
		assertThat(trigger).isNotNull();
		Date next = trigger.getFireTimeAfter(new Date());
		assertThat(LocalTime.ofInstant(next.toInstant(), ZoneId.systemDefault())).isEqualTo(LocalTime.of(3, 30));

		long old = this.jdbc.sql("""
				insert into machine_import (file_name, source, mode, mapping, state, requested_by, finished_at)
				values ('old.csv', 'UPLOAD', 'GOOD_ROWS', '["name", "address"]', 'DONE', 'admin', ?) returning id
				""")
			.param(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(40))))
			.query(Long.class)
			.single();
		if (!this.scheduler.isStarted()) {
			this.scheduler.start();
		}
		this.scheduler.triggerJob(JobKey.jobKey(ImportHousekeeping.JOB_NAME, "parc"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from machine_import where id = ?")
				.param(old)
				.query(Long.class)
				.single() == 0);
	}

}
