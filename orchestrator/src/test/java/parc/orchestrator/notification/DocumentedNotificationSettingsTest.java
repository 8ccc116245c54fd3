package parc.orchestrator.notification;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings the operations guide tells an administrator to write for notifications,
 * read as Parc reads them, and the guide's claims about allowed URLs.
 */
class DocumentedNotificationSettingsTest {

	private static String documentedYaml() throws Exception {
		String guide = Files.readString(Path.of("..", "docs", "operations.md"));
		String section = guide.substring(guide.indexOf("## Notifications"));
		int start = section.indexOf("```yaml\n") + "```yaml\n".length();
		return section.substring(start, section.indexOf("```", start));
	}

	@Test
	void shouldBindTheDocumentedSettings() throws Exception {
		List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load("operations.md",
				new ByteArrayResource(documentedYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		StandardEnvironment environment = new StandardEnvironment();
		loaded.forEach(environment.getPropertySources()::addFirst);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));

		NotificationProperties notify = binder.bind("parc.notify", NotificationProperties.class).get();
		MailProperties mail = binder.bind("spring.mail", MailProperties.class).get();

		assertThat(notify.from()).isEqualTo("parc@example.org");
		assertThat(notify.allowedUrls()).containsExactly("https://hooks.example.org/parc");
		assertThat(notify.attempts()).isEqualTo(3);
		assertThat(notify.retryPause()).hasMinutes(1);
		assertThat(mail.getHost()).isEqualTo("smtp.example.org");
		assertThat(mail.getPort()).isEqualTo(587);
		assertThat(mail.getProperties()).containsEntry("mail.smtp.starttls.enable", "true");

		AllowedUrls allowed = new AllowedUrls(notify.allowedUrls());
		assertThat(allowed.allows(URI.create("https://hooks.example.org/parc/tickets"))).isTrue();
		assertThat(allowed.allows(URI.create("https://hooks.example.org/parcel"))).isFalse();
		assertThat(allowed.allows(URI.create("https://hooks.example.org.other.test/parc"))).isFalse();
	}

}
