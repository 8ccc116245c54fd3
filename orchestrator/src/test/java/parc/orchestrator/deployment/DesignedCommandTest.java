package parc.orchestrator.deployment;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DesignedCommandTest {

	@Test
	void shouldReadTheStepAsATemplateFillsItIn() {
		DesignedCommand command = DesignedCommand.of(Map.of("command", " systemctl ", "commandArguments",
				"stop\n\n  my service  \n", "commandTimeLimit", "60", "commandSuccessCodes", "0, 3010"));

		assertThat(command.commandLine()).isEqualTo("systemctl");
		assertThat(command.argumentList()).containsExactly("stop", "my service");
		assertThat(command.timeLimitDuration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(command.successCodeSet()).containsExactlyInAnyOrder(0, 3010);
	}

	@Test
	void shouldDefaultToTenMinutesAndExitCodeZero() {
		DesignedCommand command = DesignedCommand.of(Map.of("command", "true"));

		assertThat(command.argumentList()).isEmpty();
		assertThat(command.timeLimitDuration()).isEqualTo(Duration.ofMinutes(10));
		assertThat(command.successCodeSet()).containsExactly(0);
	}

	@Test
	void shouldSayWhatIsWrongWithAStepFilledInBadly() {
		assertThatThrownBy(() -> DesignedCommand.of(Map.of()).commandLine())
			.hasMessageContaining("gave no command to run");
		assertThatThrownBy(() -> DesignedCommand.of(Map.of("commandTimeLimit", "ten")).timeLimitDuration())
			.hasMessageContaining("'ten' is not a whole number of seconds");
		assertThatThrownBy(() -> DesignedCommand.of(Map.of("commandTimeLimit", "86400")).timeLimitDuration())
			.hasMessageContaining("between 1 and 7200 seconds");
		assertThatThrownBy(() -> DesignedCommand.of(Map.of("commandSuccessCodes", "0;rm -rf /")).successCodeSet())
			.hasMessageContaining("must be whole numbers");
	}

}
