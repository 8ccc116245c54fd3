package parc.orchestrator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules fired by the real Quartz scheduler (clustered JDBC store on the embedded
 * PostgreSQL), with a stand-in for a kind's work that counts its runs.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "parc.schedules.min-interval=1s" })
@Import(ScheduleFiringTest.CountingWork.class)
class ScheduleFiringTest {

	@Autowired
	ScheduleService schedules;

	@Autowired
	ScheduleRunner runner;

	/** Ends the stand-in's slow runs; a new latch for each test. */
	static volatile CountDownLatch testOver = new CountDownLatch(1);

	private final List<Long> created = new ArrayList<>();

	@AfterEach
	void stopFiring() {
		this.created.forEach(this.schedules::delete);
		testOver.countDown();
		testOver = new CountDownLatch(1);
	}

	private Schedule create(String name, String cron, String window) {
		Schedule schedule = this.schedules.create(new ScheduleDraft(name + " " + UUID.randomUUID(),
				ScheduleKind.NETWORK_SWEEP, ScheduleTarget.everything(), cron, null, window, null, null), "alice");
		this.created.add(schedule.id());
		return schedule;
	}

	private List<ScheduleRun> runs(Schedule schedule) {
		return this.schedules.runs(schedule.id(), new PageRequest(0, 500)).content();
	}

	@Test
	void shouldRunAScheduleAtEachFireAndRecordEachRunOnce() {
		Schedule schedule = create("quick", "0/2 * * * * ?", null);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(runs(schedule)).filteredOn((run) -> run.state() == ScheduleRun.State.DONE)
				.hasSizeGreaterThanOrEqualTo(3));

		List<ScheduleRun> runs = runs(schedule);
		assertThat(runs).extracting(ScheduleRun::startedBy).containsOnly(ScheduleRunner.BY_SCHEDULE);
		assertThat(runs).filteredOn((run) -> run.state() == ScheduleRun.State.DONE)
			.allSatisfy((run) -> assertThat(run.counts()).isEqualTo(new ScheduleRun.Counts(2, 2, 0)));
		// Under load Quartz may fire late ones in a burst: count fires due, not seconds
		// apart.
		Instant now = Instant.now();
		long due = schedule.recurrence()
			.nextFireTimes(schedule.createdAt().minusSeconds(1), this.schedules.zone(), 100)
			.stream()
			.filter((time) -> !time.isAfter(now))
			.count();
		assertThat(runs).as("at most one run per fire due since the schedule was saved")
			.hasSizeLessThanOrEqualTo((int) due);
	}

	@Test
	void shouldFireAScheduleEveryTenSecondsSixTimesInAMinuteAndRecordEachFireOnce() {
		Schedule schedule = create("every ten seconds", "0/10 * * * * ?", null);
		Instant first = schedule.recurrence().nextFireTimes(schedule.createdAt(), this.schedules.zone(), 1).get(0);
		Instant minuteLater = first.plusSeconds(60);

		// Stopped five seconds before the seventh fire: every fire of the minute is due
		// by
		// then, and none after it can be counted in.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Instant.now().isAfter(minuteLater.minusSeconds(5)));
		this.schedules.update(schedule.id(), new ScheduleDraft(schedule.name(), schedule.kind(), schedule.target(),
				"0/10 * * * * ?", null, null, null, false));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(runs(schedule)).hasSize(6)
				.allSatisfy((run) -> assertThat(run.state()).isEqualTo(ScheduleRun.State.DONE)));
		List<ScheduleRun> runs = runs(schedule);
		assertThat(runs).extracting(ScheduleRun::startedBy).containsOnly(ScheduleRunner.BY_SCHEDULE);
		assertThat(runs).allSatisfy(
				(run) -> assertThat(run.startedAt()).isAfterOrEqualTo(first.minusSeconds(1)).isBefore(minuteLater));
	}

	@Test
	void shouldRecordAFireDuringASlowRunAsSkipped() {
		Schedule schedule = create("slow", "* * * * * ?", null);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(runs(schedule)).anySatisfy((run) -> {
			assertThat(run.state()).isEqualTo(ScheduleRun.State.SKIPPED);
			assertThat(run.error()).contains("is still running");
		}));
	}

	@Test
	void shouldSkipAFireOutsideTheAllowedHoursButRunWhenAnAdminAsks() {
		LocalTime now = LocalTime.now(this.schedules.zone());
		String closed = String.format("%02d:00-%02d:00", now.plusHours(2).getHour(), now.plusHours(3).getHour());
		Schedule schedule = create("closed", "0 0 3 1 1 ? 2099", closed);

		ScheduleRun fired = this.runner.run(schedule.id(), ScheduleRunner.BY_SCHEDULE);
		ScheduleRun asked = this.runner.runNow(schedule.id(), "alice");

		assertThat(fired.state()).isEqualTo(ScheduleRun.State.SKIPPED);
		assertThat(fired.error()).isEqualTo("outside its allowed hours " + closed);
		assertThat(asked.state()).isEqualTo(ScheduleRun.State.RUNNING);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.schedules.run(asked.id()).state()).isEqualTo(ScheduleRun.State.DONE));
	}

	@Test
	void shouldAnswerARunNowAtOnceAndFinishItInTheBackground() {
		Schedule schedule = create("slow", "0 0 3 1 1 ? 2099", null);

		ScheduleRun started = this.runner.runNow(schedule.id(), "alice");
		ScheduleRun again = this.runner.runNow(schedule.id(), "bob");

		assertThat(started.state()).isEqualTo(ScheduleRun.State.RUNNING);
		assertThat(again.state()).isEqualTo(ScheduleRun.State.SKIPPED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.schedules.run(started.id()).state()).isEqualTo(ScheduleRun.State.DONE));
	}

	@Test
	void shouldEndARunFailedWithTheWorksReason() {
		Schedule schedule = create("broken", "0 0 3 1 1 ? 2099", null);

		ScheduleRun run = this.runner.run(schedule.id(), ScheduleRunner.BY_SCHEDULE);

		assertThat(run.state()).isEqualTo(ScheduleRun.State.FAILED);
		assertThat(run.error()).isEqualTo("network 7 is gone");
		assertThat(run.counts()).as("what it had counted").isEqualTo(new ScheduleRun.Counts(2, 1, 0));
		assertThat(run.finishedAt()).isNotNull();
	}

	@TestConfiguration
	static class CountingWork {

		@Bean
		ScheduledWork sweepStandIn() {
			return new ScheduledWork() {

				@Override
				public ScheduleKind kind() {
					return ScheduleKind.NETWORK_SWEEP;
				}

				@Override
				public Result run(Schedule schedule, long runId, Progress progress) {
					progress.counts(new ScheduleRun.Counts(2, 1, 0));
					if (schedule.name().startsWith("broken")) {
						throw new IllegalStateException("network 7 is gone");
					}
					if (schedule.name().startsWith("slow")) {
						// Works until the test ends, three seconds at most.
						try {
							testOver.await(3, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
					return Result.finished(new ScheduleRun.Counts(2, 2, 0));
				}
			};
		}

	}

}
