package parc.orchestrator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleRecurrenceTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	@Test
	void shouldListTheNextFireTimesOfACronInTheServersZone() {
		assertThat(ScheduleRecurrence.cron("0 30 3 * * ?").nextFireTimes(NOW, PARIS, 3)).containsExactly(
				Instant.parse("2026-12-06T02:30:00Z"), Instant.parse("2026-12-07T02:30:00Z"),
				Instant.parse("2026-12-08T02:30:00Z"));
	}

	@Test
	void shouldListTheNextFireTimesOfEverySoManyHours() {
		assertThat(ScheduleRecurrence.everyHours(6).nextFireTimes(NOW, PARIS, 2))
			.containsExactly(Instant.parse("2026-12-05T16:00:00Z"), Instant.parse("2026-12-05T22:00:00Z"));
	}

	@Test
	void shouldPointAtTheErrorInACron() {
		assertThatThrownBy(() -> ScheduleRecurrence.cron("0 30 3 * FOO ?")).isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("\"0 30 3 * FOO ?\" is not valid at position ")
			.satisfies((ex) -> {
				InvalidScheduleException invalid = (InvalidScheduleException) ex;
				assertThat(invalid.field()).isEqualTo("cron");
				assertThat(invalid.position()).as("within the faulty field FOO").isBetween(9, 11);
			});
		assertThatThrownBy(() -> ScheduleRecurrence.cron("0 61 3 * * ?")).hasMessageContaining("at position 3:");
		assertThatThrownBy(() -> ScheduleRecurrence.cron("30 3 * * *")).isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("seconds first")
			.hasMessageContaining("at position 11:");
	}

	@Test
	void shouldWantEitherACronOrHours() {
		assertThatThrownBy(() -> new ScheduleRecurrence(null, null)).hasMessageContaining("not neither");
		assertThatThrownBy(() -> new ScheduleRecurrence("0 0 * * * ?", 2)).hasMessageContaining("not both");
		assertThatThrownBy(() -> ScheduleRecurrence.everyHours(0)).isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("give 1 to 744 hours");
	}

	@Test
	void shouldRefuseACronThatFiresMoreOftenThanAllowed() {
		ScheduleRecurrence everyTenSeconds = ScheduleRecurrence.cron("0/10 * * * * ?");

		assertThatThrownBy(() -> everyTenSeconds.checkFiresAtMostEvery(Duration.ofMinutes(1), NOW, PARIS))
			.isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("fires 10 s apart, more often than once every 60 s");
		everyTenSeconds.checkFiresAtMostEvery(Duration.ofSeconds(10), NOW, PARIS);
	}

	@Test
	void shouldFindTheShortGapOfACronThatFiresTwiceADayCloseTogether() {
		ScheduleRecurrence twiceAtThree = ScheduleRecurrence.cron("0,30 0 3 * * ?");

		assertThatThrownBy(() -> twiceAtThree.checkFiresAtMostEvery(Duration.ofMinutes(1), NOW, PARIS))
			.hasMessageContaining("30 s apart");
	}

	@Test
	void shouldRefuseACronThatNeverFiresAgain() {
		ScheduleRecurrence past = ScheduleRecurrence.cron("0 0 3 1 1 ? 2020");

		assertThatThrownBy(() -> past.checkFiresAtMostEvery(Duration.ofMinutes(1), NOW, PARIS))
			.hasMessageContaining("never fires again");
	}

}
