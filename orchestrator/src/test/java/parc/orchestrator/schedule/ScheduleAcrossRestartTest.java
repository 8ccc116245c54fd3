package parc.orchestrator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import parc.orchestrator.OrchestratorTestApplication;
import parc.orchestrator.system.paging.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parc stopped across several fire times of a schedule and started again on the same data
 * runs it once at start-up, not once per missed fire: two application contexts in turn on
 * one embedded PostgreSQL folder, with the real Quartz.
 */
class ScheduleAcrossRestartTest {

	private final String dataDir = "target/test-data/restart-" + UUID.randomUUID();

	/**
	 * Both runs are one Quartz cluster, under a name no other test context of this JVM
	 * has.
	 */
	private final String schedulerName = "parc-restart-" + UUID.randomUUID();

	private ConfigurableApplicationContext start() {
		// Arguments, not default properties: Parc's own defaults would win over those.
		return new SpringApplicationBuilder(OrchestratorTestApplication.class).run("--parc.data-dir=" + this.dataDir,
				"--parc.deploy-server.https-port=0", "--spring.quartz.scheduler-name=" + this.schedulerName,
				"--server.port=0", "--server.address=127.0.0.1", "--camunda.bpm.job-execution.enabled=false",
				"--parc.schedules.min-interval=1s",
				// Missed by more than a second is missed: the test need not wait a
				// minute.
				"--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000");
	}

	private static List<ScheduleRun> runs(ConfigurableApplicationContext context, long scheduleId) {
		return context.getBean(ScheduleService.class).runs(scheduleId, new PageRequest(0, 500)).content();
	}

	@Test
	void shouldRunOnceAtStartUpForTheFiresMissedWhileStopped() throws Exception {
		long scheduleId;
		Instant stoppedAt;
		try (ConfigurableApplicationContext first = start()) {
			scheduleId = first.getBean(ScheduleService.class)
				.create(new ScheduleDraft("Every four seconds", ScheduleKind.HOUSEKEEPING, ScheduleTarget.everything(),
						"0/4 * * * * ?", null, null, null, null), "alice")
				.id();
			await().atMost(Duration.ofSeconds(20)).until(() -> !runs(first, scheduleId).isEmpty());
			stoppedAt = Instant.now();
		}
		// Parc stays stopped across two fire times at least: time itself is the
		// condition.
		await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(10)).until(() -> true);

		try (ConfigurableApplicationContext second = start()) {
			Instant startedAt = Instant.now();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> runs(second, scheduleId).stream()
					.anyMatch((run) -> ScheduleRunner.BY_START_UP.equals(run.startedBy())));
			// Then the next on-time fire: a second catch-up run, had there been one, came
			// before it.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> runs(second, scheduleId).stream()
					.anyMatch((run) -> run.startedAt().isAfter(startedAt)
							&& ScheduleRunner.BY_SCHEDULE.equals(run.startedBy())));

			List<ScheduleRun> sinceStop = runs(second, scheduleId).stream()
				.filter((run) -> run.startedAt().isAfter(stoppedAt))
				.toList();
			assertThat(sinceStop).as("nothing ran while stopped")
				.allSatisfy((run) -> assertThat(run.startedAt()).isAfter(startedAt.minusSeconds(60)));
			assertThat(sinceStop).filteredOn((run) -> ScheduleRunner.BY_START_UP.equals(run.startedBy()))
				.as("one run for the missed fires")
				.hasSize(1);
			assertThat(sinceStop).filteredOn((run) -> !ScheduleRunner.BY_START_UP.equals(run.startedBy()))
				.as("then on time again")
				.isNotEmpty()
				.allSatisfy((run) -> assertThat(run.startedBy()).isEqualTo(ScheduleRunner.BY_SCHEDULE));
		}
	}

}
