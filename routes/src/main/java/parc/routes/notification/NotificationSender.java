package parc.routes.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import parc.orchestrator.notification.Notification;
import parc.orchestrator.notification.NotificationRefusedException;
import parc.orchestrator.notification.NotificationTaskService;

/**
 * Sends one notification. A LOG notification is the line the task service writes; an
 * e-mail goes through the {@code spring.mail.*} server, from {@code parc.notify.from}; an
 * HTTP call is a JSON POST that follows no redirect (a redirect could lead outside the
 * allowed URLs) and counts as sent on any 2xx answer.
 */
@Component
class NotificationSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectMapper json;

	private final String from;

	private final Duration timeout;

	private final HttpClient http;

	@Autowired
	NotificationSender(ObjectProvider<JavaMailSender> mail, ObjectMapper json, NotificationTaskService tasks) {
		this(mail, json, tasks.properties().from(), tasks.properties().timeout());
	}

	NotificationSender(ObjectProvider<JavaMailSender> mail, ObjectMapper json, String from, Duration timeout) {
		this.mail = mail;
		this.json = json;
		this.from = from;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * @return what happened, for the machine's log
	 * @throws NotificationRefusedException when sending cannot work until an
	 * administrator or designer changes something
	 * @throws NotificationFailedException when it may work later
	 */
	String send(Notification notification) throws NotificationFailedException {
		return switch (notification.channel()) {
			case LOG -> "written to the log";
			case EMAIL -> email(notification);
			case HTTP -> post(notification);
		};
	}

	private String email(Notification notification) throws NotificationFailedException {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new NotificationRefusedException(
					"no SMTP server is configured: an administrator sets spring.mail.host (and its port, user name "
							+ "and password if it needs them)");
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(addresses(notification).toArray(String[]::new));
		message.setSubject(notification.subject());
		message.setText(notification.message());
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			throw new NotificationFailedException(deepest(ex));
		}
		return notification.destination() + " sent: " + notification.subject();
	}

	private static java.util.List<String> addresses(Notification notification) {
		for (String address : notification.recipients()) {
			try {
				new InternetAddress(address, true);
			}
			catch (AddressException ex) {
				throw new NotificationRefusedException(
						"'" + address + "' is not an e-mail address: " + ex.getMessage());
			}
		}
		return notification.recipients();
	}

	private String post(Notification notification) throws NotificationFailedException {
		HttpRequest request = HttpRequest.newBuilder(notification.url())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Parc")
			.POST(HttpRequest.BodyPublishers.ofString(body(notification)))
			.build();
		HttpResponse<Void> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new NotificationFailedException(
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotificationFailedException("Parc is stopping");
		}
		int status = response.statusCode();
		if (status < 200 || status > 299) {
			throw new NotificationFailedException("the server answered " + status);
		}
		return notification.destination() + " answered " + status;
	}

	private String body(Notification notification) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", notification.subject());
		body.put("message", notification.message());
		body.put("process", notification.processKey());
		body.put("deploymentId", notification.deploymentId());
		body.put("machine", notification.machineName());
		try {
			return this.json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A map of strings and numbers is always JSON", ex);
		}
	}

	private static String deepest(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
