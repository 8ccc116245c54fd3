package parc.orchestrator.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyStepRulesTest {

	private final NotifyStepRules rules = new NotifyStepRules(new NotificationProperties(
			List.of("https://hooks.example.org/parc"), null, Duration.ofSeconds(10), 3, Duration.ofMinutes(1)));

	@Test
	void shouldAcceptStepsThatCanBeSent() {
		assertThat(this.rules.problem(Map.of("notifyChannel", "LOG", "notifyMessage", "${machineName} done")))
			.isEmpty();
		assertThat(this.rules.problem(Map.of("notifyChannel", "EMAIL", "notifyMessage", "x", "notifyTo",
				"ops@example.org, lead@example.org")))
			.isEmpty();
		assertThat(this.rules.problem(Map.of("notifyChannel", "HTTP", "notifyMessage", "x", "notifyUrl",
				"https://hooks.example.org/parc/tickets")))
			.isEmpty();
	}

	@Test
	void shouldLeaveWhatExpressionsAndVariablesGiveToTheRun() {
		assertThat(this.rules.problem(Map.of("notifyChannel", "${channel}", "notifyMessage", "x"))).isEmpty();
		assertThat(this.rules.problem(Map.of("notifyChannel", "HTTP", "notifyMessage", "x", "notifyUrl", "${hook}")))
			.isEmpty();
		assertThat(this.rules.problem(Map.of("notifyChannel", "EMAIL", "notifyMessage", "x", "notifyTo", "${team}")))
			.isEmpty();
		assertThat(this.rules.problem(Map.of("notifyMessage", "x"))).as("the channel from a variable").isEmpty();
		assertThat(this.rules.problem(Map.of("notifyChannel", "EMAIL"))).as("message and addresses from variables")
			.isEmpty();
	}

	@Test
	void shouldSayWhyAStepCouldNeverBeSent() {
		assertThat(this.rules.problem(Map.of("notifyChannel", "SMS", "notifyMessage", "x")))
			.contains("unknown channel 'SMS' (notifyChannel): LOG, EMAIL or HTTP");
		assertThat(this.rules.problem(Map.of("notifyChannel", "EMAIL", "notifyMessage", "x", "notifyTo", " ")))
			.contains("an e-mail needs at least one address (notifyTo)");
		assertThat(this.rules.problem(
				Map.of("notifyChannel", "HTTP", "notifyMessage", "x", "notifyUrl", "https://hooks.example.org/parcel")))
			.contains("'https://hooks.example.org/parcel' is not under a URL of parc.notify.allowed-urls");
		assertThat(this.rules.problem(Map.of("notifyChannel", "LOG", "notifyMessage", "")))
			.contains("the step gives no message (notifyMessage)");
	}

}
