package parc.orchestrator.deployment;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentWindowsTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static ZonedDateTime paris(String local) {
		return java.time.LocalDateTime.parse(local).atZone(PARIS);
	}

	@Test
	void shouldOpenAtTheNextStartAndCloseAtTheEnd() {
		DeploymentWindows windows = DeploymentWindows.parse("01-06");

		assertThat(windows.isOpen(paris("2026-03-10T00:00"))).isFalse();
		assertThat(windows.nextOpening(paris("2026-03-10T00:00"))).isEqualTo(paris("2026-03-10T01:00"));
		assertThat(windows.isOpen(paris("2026-03-10T05:59:59"))).isTrue();
		assertThat(windows.closingOf(paris("2026-03-10T03:00"))).contains(paris("2026-03-10T06:00"));
		assertThat(windows.isOpen(paris("2026-03-10T06:00"))).isFalse();
		assertThat(windows.nextOpening(paris("2026-03-10T06:00"))).isEqualTo(paris("2026-03-11T01:00"));
	}

	@Test
	void shouldReadSeveralRangesWithMinutesAndSeconds() {
		DeploymentWindows windows = DeploymentWindows.parse(" 3:00-5:00 , 18:00-20:30:15 ");

		assertThat(windows.nextOpening(paris("2026-06-01T12:00"))).isEqualTo(paris("2026-06-01T18:00"));
		assertThat(windows.closingOf(paris("2026-06-01T19:00"))).contains(paris("2026-06-01T20:30:15"));
		assertThat(windows.nextOpening(paris("2026-06-01T21:00"))).isEqualTo(paris("2026-06-02T03:00"));
		assertThat(windows.text()).isEqualTo("3:00-5:00 , 18:00-20:30:15");
	}

	@Test
	void shouldCrossMidnight() {
		DeploymentWindows windows = DeploymentWindows.parse("22-2");

		assertThat(windows.isOpen(paris("2026-06-01T23:30"))).isTrue();
		assertThat(windows.isOpen(paris("2026-06-02T01:30"))).isTrue();
		assertThat(windows.closingOf(paris("2026-06-02T01:30"))).contains(paris("2026-06-02T02:00"));
		assertThat(windows.closingOf(paris("2026-06-01T23:30"))).contains(paris("2026-06-02T02:00"));
		assertThat(windows.nextOpening(paris("2026-06-02T02:00"))).isEqualTo(paris("2026-06-02T22:00"));
		assertThat(DeploymentWindows.parse("18-24").closingOf(paris("2026-06-01T19:00")))
			.contains(paris("2026-06-02T00:00"));
	}

	@Test
	void shouldKeepWallClockTimesAcrossDaylightSavingChanges() {
		// 2026-03-29 in Paris: 02:00 becomes 03:00. The 01-06 window lasts 4 hours that
		// night.
		DeploymentWindows windows = DeploymentWindows.parse("01-06");
		ZonedDateTime opening = windows.nextOpening(paris("2026-03-29T00:30"));
		ZonedDateTime closing = windows.closingOf(opening).orElseThrow();
		assertThat(java.time.Duration.between(opening, closing)).hasHours(4);
		// 2026-10-25: 03:00 becomes 02:00 again; the same window lasts 6 hours.
		ZonedDateTime autumn = windows.nextOpening(paris("2026-10-25T00:30"));
		assertThat(java.time.Duration.between(autumn, windows.closingOf(autumn).orElseThrow())).hasHours(6);
		// A window starting inside the spring gap opens when the clocks jump.
		assertThat(DeploymentWindows.parse("02:30-04").nextOpening(paris("2026-03-29T00:00")))
			.isEqualTo(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, PARIS));
	}

	@Test
	void shouldBeAlwaysOpenWhenBlank() {
		assertThat(DeploymentWindows.parse("  ").isAlwaysOpen()).isTrue();
		assertThat(DeploymentWindows.parse(null).isOpen(paris("2026-06-01T12:00"))).isTrue();
		assertThat(DeploymentWindows.always().closingOf(paris("2026-06-01T12:00"))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "2;write it START-END", "2-;write it START-END", "25-26;not a time of day",
					"2:60-3;not a time of day", "a-b;is not a time", "3-3;same time", "1-2,,3-4;interval 2",
					"2-4-6;write it START-END", "02:00:00:00-3;is not a time" })
	void shouldSayWhatIsWrongWithAMalformedInterval(String text, String message) {
		assertThatThrownBy(() -> DeploymentWindows.parse(text)).isInstanceOf(InvalidDeploymentOptionException.class)
			.hasMessageContaining(message)
			.extracting((ex) -> ((InvalidDeploymentOptionException) ex).field())
			.isEqualTo("intervals");
	}

}
