package parc.orchestrator.notification;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {

	private static Map<String, Object> inputs(String channel, String message) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(NotificationVariables.CHANNEL, channel);
		inputs.put(NotificationVariables.MESSAGE, message);
		return inputs;
	}

	@Test
	void shouldReadAnEmailWithItsContext() {
		Map<String, Object> inputs = inputs("email", "web-01 failed");
		inputs.put(NotificationVariables.RECIPIENTS, "ops@example.org; Lead@Example.org ");
		inputs.put(NotificationVariables.SUBJECT, "Deployment\r\nBcc: victim@example.org");
		inputs.put(NotificationVariables.DEPLOYMENT_ID, 42L);
		inputs.put(NotificationVariables.MACHINE_NAME, "web-01");

		Notification notification = Notification.of(inputs, "deploy-package");

		assertThat(notification.channel()).isEqualTo(NotificationChannel.EMAIL);
		assertThat(notification.recipients()).containsExactly("ops@example.org", "Lead@Example.org");
		assertThat(notification.subject()).as("a subject stays on one line: no header can be slipped in")
			.isEqualTo("Deployment Bcc: victim@example.org");
		assertThat(notification.deploymentId()).isEqualTo(42L);
		assertThat(notification.machineName()).isEqualTo("web-01");
		assertThat(notification.destination()).isEqualTo("e-mail to ops@example.org, Lead@Example.org");
	}

	@Test
	void shouldGiveDefaultsOutsideADeployment() {
		Notification notification = Notification.of(inputs("LOG", "hello"), "my-process");

		assertThat(notification.subject()).isEqualTo("Parc");
		assertThat(notification.deploymentId()).isNull();
		assertThat(notification.machineName()).isNull();
		assertThat(notification.url()).isNull();
	}

	@Test
	void shouldReadAnHttpUrl() {
		Map<String, Object> inputs = inputs("HTTP", "done");
		inputs.put(NotificationVariables.URL, " https://hooks.example.org/parc/./tickets ");

		assertThat(Notification.of(inputs, "p").url()).isEqualTo(URI.create("https://hooks.example.org/parc/tickets"));
	}

	@Test
	void shouldRefuseInputsThatCannotWorkWithTheInputToFix() {
		assertThatThrownBy(() -> Notification.of(inputs("SMS", "x"), "p"))
			.isInstanceOf(NotificationRefusedException.class)
			.hasMessage("unknown channel 'SMS' (notifyChannel): LOG, EMAIL or HTTP");
		assertThatThrownBy(() -> Notification.of(inputs("LOG", " "), "p"))
			.hasMessage("the step gives no message (notifyMessage)");
		assertThatThrownBy(() -> Notification.of(inputs("LOG", "x".repeat(Notification.MAX_MESSAGE + 1)), "p"))
			.hasMessageContaining("more than 20000");
		assertThatThrownBy(() -> Notification.of(inputs("EMAIL", "x"), "p"))
			.hasMessage("an e-mail needs at least one address (notifyTo)");
		Map<String, Object> badAddress = inputs("EMAIL", "x");
		badAddress.put(NotificationVariables.RECIPIENTS, "ops@example.org, not-an-address");
		assertThatThrownBy(() -> Notification.of(badAddress, "p"))
			.hasMessage("'not-an-address' is not an e-mail address");
		assertThatThrownBy(() -> Notification.of(inputs("HTTP", "x"), "p"))
			.hasMessage("an HTTP call needs a URL (notifyUrl)");
		Map<String, Object> file = inputs("HTTP", "x");
		file.put(NotificationVariables.URL, "file:///etc/passwd");
		assertThatThrownBy(() -> Notification.of(file, "p")).hasMessageContaining("is not an http:// or https:// URL");
		Map<String, Object> userInfo = inputs("HTTP", "x");
		userInfo.put(NotificationVariables.URL, "https://admin:secret@hooks.example.org/");
		assertThatThrownBy(() -> Notification.of(userInfo, "p")).hasMessageContaining("user name or password");
	}

}
