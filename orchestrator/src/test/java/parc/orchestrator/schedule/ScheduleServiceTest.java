package parc.orchestrator.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.network.NetworkService;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.restart.InterruptedWorkRecovery;
import parc.orchestrator.testsupport.FreeNetworks;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class ScheduleServiceTest {

	@Autowired
	ScheduleService schedules;

	@Autowired
	NetworkService networks;

	@Autowired
	InterruptedWorkRecovery restart;

	private List<Long> twoNetworks;

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID();
	}

	private List<Long> twoNetworks() {
		if (this.twoNetworks == null) {
			this.twoNetworks = List.of(FreeNetworks.declare(this.networks, 30, null).id(),
					FreeNetworks.declare(this.networks, 30, null).id());
		}
		return this.twoNetworks;
	}

	private ScheduleDraft nightlySweep(String name) {
		return new ScheduleDraft(name, ScheduleKind.NETWORK_SWEEP, ScheduleTarget.networks(twoNetworks()),
				"0 30 3 * * ?", null, "22:00-06:00", null, null);
	}

	@Test
	void shouldStoreAScheduleWithItsDefaultsAndReadItBack() {
		String name = unique("Nightly sweep");

		Schedule created = this.schedules.create(nightlySweep("  " + name + " "), "alice");

		Schedule read = this.schedules.get(created.id());
		assertThat(read.name()).isEqualTo(name);
		assertThat(read.target().networkIds()).containsExactlyElementsOf(twoNetworks());
		assertThat(read.recurrence()).isEqualTo(ScheduleRecurrence.cron("0 30 3 * * ?"));
		assertThat(read.window()).hasToString("22:00-06:00");
		assertThat(read.concurrency()).isEqualTo(ScheduleService.DEFAULT_CONCURRENCY);
		assertThat(read.enabled()).isTrue();
		assertThat(read.createdBy()).isEqualTo("alice");

		Schedule changed = this.schedules.update(created.id(), new ScheduleDraft(name, ScheduleKind.AGENTLESS_INVENTORY,
				ScheduleTarget.everything(), null, 6, null, 20, false));
		assertThat(changed.recurrence()).isEqualTo(ScheduleRecurrence.everyHours(6));
		assertThat(changed.window()).isNull();
		assertThat(changed.target().all()).isTrue();
		assertThat(changed.enabled()).isFalse();
		assertThat(this.schedules.list(new PageRequest(0, 500)).content()).extracting(Schedule::id)
			.contains(created.id());
	}

	@Test
	void shouldRefuseWhatCannotBeScheduledNamingTheField() {
		String name = unique("Sweep");
		this.schedules.create(nightlySweep(name), "alice");

		assertThatThrownBy(() -> this.schedules.create(nightlySweep(name), "bob"))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("exists already")
			.extracting("field")
			.isEqualTo("name");
		assertThatThrownBy(() -> this.schedules.create(new ScheduleDraft(unique("Busy"), ScheduleKind.NETWORK_SWEEP,
				ScheduleTarget.everything(), "0/5 * * * * ?", null, null, null, null), "alice"))
			.hasMessageContaining("fires 5 s apart, more often than once every 60 s");
		assertThatThrownBy(
				() -> this.schedules.create(new ScheduleDraft(unique("Ghost group"), ScheduleKind.AGENTLESS_INVENTORY,
						ScheduleTarget.group(987_654_321L), null, 24, null, null, null), "alice"))
			.hasMessageContaining("No group 987654321");
		assertThatThrownBy(
				() -> this.schedules.create(new ScheduleDraft(unique("Ghost network"), ScheduleKind.NETWORK_SWEEP,
						ScheduleTarget.networks(List.of(987_654_321L)), null, 24, null, null, null), "alice"))
			.hasMessage("No network 987654321")
			.extracting("field")
			.isEqualTo("target.networkIds");
		assertThatThrownBy(() -> this.schedules.create(new ScheduleDraft(unique("Housekeeping"),
				ScheduleKind.HOUSEKEEPING, ScheduleTarget.networks(List.of(1L)), null, 24, null, null, null), "alice"))
			.hasMessageContaining("Housekeeping works on everything");
		assertThatThrownBy(() -> this.schedules.create(new ScheduleDraft(unique("Crowd"), ScheduleKind.NETWORK_SWEEP,
				ScheduleTarget.everything(), null, 24, null, 501, null), "alice"))
			.extracting("field")
			.isEqualTo("concurrency");
	}

	@Test
	void shouldRecordAFireDuringARunAsSkippedWithTheReason() {
		Schedule schedule = this.schedules.create(nightlySweep(unique("Sweep")), "alice");

		ScheduleRun first = this.schedules.startRun(schedule.id(), "schedule");
		ScheduleRun second = this.schedules.startRun(schedule.id(), "bob");

		assertThat(first.state()).isEqualTo(ScheduleRun.State.RUNNING);
		assertThat(second.state()).isEqualTo(ScheduleRun.State.SKIPPED);
		assertThat(second.error())
			.isEqualTo("run " + first.id() + ", started " + first.startedAt() + ", is still running");
		assertThat(second.finishedAt()).isNotNull();

		this.schedules.progress(first.id(), new ScheduleRun.Counts(4, 1, 0));
		assertThat(this.schedules.finishRun(first.id(), ScheduleRun.State.DONE, new ScheduleRun.Counts(4, 3, 1), null))
			.isTrue();
		assertThat(
				this.schedules.finishRun(first.id(), ScheduleRun.State.FAILED, new ScheduleRun.Counts(4, 3, 1), "late"))
			.as("ended already")
			.isFalse();
		ScheduleRun third = this.schedules.startRun(schedule.id(), "schedule");

		assertThat(third.state()).isEqualTo(ScheduleRun.State.RUNNING);
		List<ScheduleRun> runs = this.schedules.runs(schedule.id(), new PageRequest(0, 25)).content();
		assertThat(runs).extracting(ScheduleRun::id).containsExactly(third.id(), second.id(), first.id());
		assertThat(runs.get(2).state()).isEqualTo(ScheduleRun.State.DONE);
		assertThat(runs.get(2).counts()).isEqualTo(new ScheduleRun.Counts(4, 3, 1));
	}

	@Test
	void shouldEndARunLeftRunningByAStoppedParcSoItsScheduleFiresAgain() {
		Schedule schedule = this.schedules.create(nightlySweep(unique("Sweep")), "alice");
		ScheduleRun interrupted = this.schedules.startRun(schedule.id(), "schedule");

		this.restart.resolveAll();
		this.schedules.checkTriggers();

		ScheduleRun ended = this.schedules.run(interrupted.id());
		assertThat(ended.state()).isEqualTo(ScheduleRun.State.FAILED);
		assertThat(ended.error()).startsWith("interrupted by a restart at ");
		assertThat(this.schedules.startRun(schedule.id(), "schedule").state()).isEqualTo(ScheduleRun.State.RUNNING);
	}

	@Test
	void shouldPreviewTheNextFireTimesBeforeSaving() {
		List<Instant> next = this.schedules.nextFireTimes("0 0 12 * * ?", null, 5);

		assertThat(next).hasSize(5).isSorted();
		assertThat(next.get(0)).isAfter(Instant.now());
		assertThatThrownBy(() -> this.schedules.nextFireTimes("0 0 25 * * ?", null, 5))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("at position 5");
	}

}
