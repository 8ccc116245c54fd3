package parc.routes.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import parc.orchestrator.notification.Notification;
import parc.orchestrator.notification.NotificationChannel;
import parc.orchestrator.notification.NotificationRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Notifications sent for real: e-mails to an aiosmtpd server and JSON POSTs to the JDK's
 * HTTP server, both on loopback ports; and what a worker is told when they cannot go.
 */
class NotificationSenderIT {

	@RegisterExtension
	static final SmtpServerExtension smtp = new SmtpServerExtension();

	private final ObjectMapper json = new ObjectMapper();

	private final List<String> posted = new CopyOnWriteArrayList<>();

	private HttpServer http;

	private int answer = 204;

	@BeforeEach
	void httpServer() throws IOException {
		this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.http.createContext("/hooks", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.posted.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
						+ exchange.getRequestHeaders().getFirst("Content-Type") + " "
						+ new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			if (this.answer == 302) {
				exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
			}
			exchange.sendResponseHeaders(this.answer, -1);
			exchange.close();
		});
		this.http.start();
	}

	@AfterEach
	void stopHttpServer() {
		this.http.stop(0);
	}

	private static ObjectProvider<JavaMailSender> mailServer(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		Properties timeouts = new Properties();
		timeouts.put("mail.smtp.connectiontimeout", "5000");
		timeouts.put("mail.smtp.timeout", "5000");
		mail.setJavaMailProperties(timeouts);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mailSender", mail);
		return beans.getBeanProvider(JavaMailSender.class);
	}

	private NotificationSender sender(ObjectProvider<JavaMailSender> mail) {
		return new NotificationSender(mail, this.json, "parc@example.org", Duration.ofSeconds(5));
	}

	private static Notification email(String recipients) {
		return new Notification(NotificationChannel.EMAIL, "web-01 failed at the execute phase", List.of(recipients),
				"Deployment 7: web-01 failed", null, "deploy-package", 7L, "web-01");
	}

	private Notification post(String path) {
		return new Notification(NotificationChannel.HTTP, "web-01 done", List.of(), "Parc",
				URI.create("http://127.0.0.1:" + this.http.getAddress().getPort() + path), "deploy-package", 7L,
				"web-01");
	}

	@Test
	void shouldSendAnEmailThroughTheSmtpServer() throws Exception {
		String detail = sender(mailServer(smtp.port())).send(email("ops@example.org"));

		assertThat(detail).isEqualTo("e-mail to ops@example.org sent: Deployment 7: web-01 failed");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(smtp.received()).contains("From: parc@example.org")
				.contains("To: ops@example.org")
				.contains("Subject: Deployment 7: web-01 failed")
				.contains("web-01 failed at the execute phase"));
	}

	@Test
	void shouldSayWhenNoSmtpServerIsConfigured() {
		ObjectProvider<JavaMailSender> none = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);

		assertThatThrownBy(() -> sender(none).send(email("ops@example.org")))
			.isInstanceOf(NotificationRefusedException.class)
			.hasMessageStartingWith("no SMTP server is configured: an administrator sets spring.mail.host");
	}

	@Test
	void shouldFailSoItIsTriedAgainWhenTheSmtpServerDoesNotAnswer() throws Exception {
		int closed;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = free.getLocalPort();
		}

		assertThatThrownBy(() -> sender(mailServer(closed)).send(email("ops@example.org")))
			.isInstanceOf(NotificationFailedException.class)
			.hasMessageContaining("Connection refused");
	}

	@Test
	void shouldRefuseAnAddressTheMailLibraryCannotUse() {
		assertThatThrownBy(() -> sender(mailServer(smtp.port())).send(email("ops@exa mple.org")))
			.isInstanceOf(NotificationRefusedException.class)
			.hasMessageStartingWith("'ops@exa mple.org' is not an e-mail address");
	}

	@Test
	void shouldPostTheNotificationAsJson() throws Exception {
		String detail = sender(mailServer(smtp.port())).send(post("/hooks/parc?team=ops"));

		assertThat(detail).endsWith("/hooks/parc?team=ops answered 204");
		assertThat(this.posted).singleElement().satisfies((request) -> {
			assertThat(request).startsWith("POST /hooks/parc?team=ops application/json ");
			JsonNode body = this.json.readTree(request.substring(request.indexOf('{')));
			assertThat(body.path("message").asText()).isEqualTo("web-01 done");
			assertThat(body.path("process").asText()).isEqualTo("deploy-package");
			assertThat(body.path("deploymentId").asLong()).isEqualTo(7L);
			assertThat(body.path("machine").asText()).isEqualTo("web-01");
		});
	}

	@Test
	void shouldFailOnAnErrorAnswerAndFollowNoRedirect() {
		this.answer = 500;
		assertThatThrownBy(() -> sender(mailServer(smtp.port())).send(post("/hooks/parc")))
			.isInstanceOf(NotificationFailedException.class)
			.hasMessage("the server answered 500");

		this.answer = 302;
		assertThatThrownBy(() -> sender(mailServer(smtp.port())).send(post("/hooks/parc")))
			.isInstanceOf(NotificationFailedException.class)
			.hasMessage("the server answered 302");
		assertThat(this.posted).hasSize(2);
	}

	@Test
	void shouldWriteALogNotificationWithoutSendingAnything() throws Exception {
		Notification line = new Notification(NotificationChannel.LOG, "hello", List.of(), "Parc", null, "p", null,
				null);

		assertThat(sender(mailServer(smtp.port())).send(line)).isEqualTo("written to the log");
		assertThat(this.posted).isEmpty();
	}

}
