package parc.orchestrator.schedule;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedHoursTest {

	@Test
	void shouldAllowTheHoursOfAWindowWithinOneDayEndExcluded() {
		AllowedHours office = AllowedHours.parse("08:00-18:30");

		assertThat(office.crossesMidnight()).isFalse();
		assertThat(office.allows(LocalTime.of(8, 0))).isTrue();
		assertThat(office.allows(LocalTime.of(18, 29))).isTrue();
		assertThat(office.allows(LocalTime.of(18, 30))).isFalse();
		assertThat(office.allows(LocalTime.of(7, 59))).isFalse();
	}

	@Test
	void shouldAllowTheHoursOfAWindowThatCrossesMidnight() {
		AllowedHours night = AllowedHours.parse(" 22:00 - 06:00 ");

		assertThat(night.crossesMidnight()).isTrue();
		assertThat(night.allows(LocalTime.of(23, 30))).isTrue();
		assertThat(night.allows(LocalTime.of(5, 59))).isTrue();
		assertThat(night.allows(LocalTime.of(6, 0))).isFalse();
		assertThat(night.allows(LocalTime.of(21, 59))).isFalse();
		assertThat(night).hasToString("22:00-06:00");
	}

	@Test
	void shouldRefuseWhatIsNotAWindow() {
		assertThatThrownBy(() -> AllowedHours.parse("22h-6h")).isInstanceOf(InvalidScheduleException.class)
			.hasMessageContaining("is not HH:MM-HH:MM");
		assertThatThrownBy(() -> AllowedHours.parse("22:00-24:00")).hasMessageContaining("24:00 is not a time of day");
		assertThatThrownBy(() -> AllowedHours.parse("06:00-06:00")).hasMessageContaining("is empty");
	}

}
