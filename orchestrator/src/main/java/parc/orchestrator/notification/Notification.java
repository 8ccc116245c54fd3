package parc.orchestrator.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One notification a process asked for, read from its step's input parameters.
 *
 * @param channel how it goes out
 * @param message the text
 * @param recipients EMAIL: the addresses; empty otherwise
 * @param subject the subject line ("Parc" when the step gives none), on one line
 * @param url HTTP: where to POST; null otherwise
 * @param processKey the process that asked
 * @param deploymentId its deployment, or null outside a deployment
 * @param machineName its machine, or null outside a machine's process
 */
public record Notification(NotificationChannel channel, String message, List<String> recipients, String subject,
		URI url, String processKey, Long deploymentId, String machineName) {

	static final int MAX_MESSAGE = 20_000;

	static final int MAX_RECIPIENTS = 50;

	private static final String DEFAULT_SUBJECT = "Parc";

	/**
	 * Reads a step's inputs.
	 * @throws NotificationRefusedException when they cannot make a notification, with the
	 * reason a designer can act on
	 */
	static Notification of(Map<String, Object> variables, String processKey) {
		NotificationChannel channel = channel(text(variables, NotificationVariables.CHANNEL));
		String message = text(variables, NotificationVariables.MESSAGE);
		if (message.isBlank()) {
			throw new NotificationRefusedException("the step gives no message (" + NotificationVariables.MESSAGE + ")");
		}
		if (message.length() > MAX_MESSAGE) {
			throw new NotificationRefusedException(
					"the message has " + message.length() + " characters, more than " + MAX_MESSAGE);
		}
		String subject = text(variables, NotificationVariables.SUBJECT).replaceAll("[\\r\\n\\t]+", " ").strip();
		List<String> recipients = (channel == NotificationChannel.EMAIL)
				? recipients(text(variables, NotificationVariables.RECIPIENTS)) : List.of();
		URI url = (channel == NotificationChannel.HTTP) ? url(text(variables, NotificationVariables.URL)) : null;
		Object deploymentId = variables.get(NotificationVariables.DEPLOYMENT_ID);
		Object machineName = variables.get(NotificationVariables.MACHINE_NAME);
		return new Notification(channel, message, recipients, subject.isEmpty() ? DEFAULT_SUBJECT : subject, url,
				processKey, (deploymentId instanceof Number number) ? number.longValue() : null,
				(machineName instanceof String name) ? name : null);
	}

	/** Where it goes, for logs: the channel and its addressees. */
	public String destination() {
		return switch (this.channel) {
			case LOG -> "the log";
			case EMAIL -> "e-mail to " + String.join(", ", this.recipients);
			case HTTP -> "HTTP POST to " + this.url;
		};
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		return (value != null) ? value.toString() : "";
	}

	private static NotificationChannel channel(String given) {
		try {
			return NotificationChannel.valueOf(given.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new NotificationRefusedException(
					"unknown channel '" + given + "' (" + NotificationVariables.CHANNEL + "): LOG, EMAIL or HTTP");
		}
	}

	private static List<String> recipients(String given) {
		List<String> addresses = Arrays.stream(given.split("[,;\\s]+")).filter((part) -> !part.isEmpty()).toList();
		if (addresses.isEmpty()) {
			throw new NotificationRefusedException(
					"an e-mail needs at least one address (" + NotificationVariables.RECIPIENTS + ")");
		}
		if (addresses.size() > MAX_RECIPIENTS) {
			throw new NotificationRefusedException(addresses.size() + " addresses, more than " + MAX_RECIPIENTS + " ("
					+ NotificationVariables.RECIPIENTS + ")");
		}
		for (String address : addresses) {
			int at = address.indexOf('@');
			if (at <= 0 || at == address.length() - 1 || address.indexOf('@', at + 1) >= 0) {
				throw new NotificationRefusedException("'" + address + "' is not an e-mail address");
			}
		}
		return addresses;
	}

	private static URI url(String given) {
		if (given.isBlank()) {
			throw new NotificationRefusedException("an HTTP call needs a URL (" + NotificationVariables.URL + ")");
		}
		try {
			URI url = new URI(given.strip()).normalize();
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
				throw new NotificationRefusedException("'" + given + "' is not an http:// or https:// URL");
			}
			if (url.getRawUserInfo() != null) {
				throw new NotificationRefusedException(
						"'" + given + "' carries a user name or password, which Parc does not send");
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new NotificationRefusedException("'" + given + "' is not a URL: " + ex.getReason());
		}
	}

}
