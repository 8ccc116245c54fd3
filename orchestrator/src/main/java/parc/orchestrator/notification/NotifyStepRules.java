package parc.orchestrator.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * What can be known of a notify step before it runs, from the values a designer wrote: a
 * channel Parc has, the inputs that channel needs, and a URL the administrator allows (as
 * configured when the version is deployed). A value with an expression in it is known
 * only when the step runs, and checked then.
 */
@Component
public class NotifyStepRules {

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

	private final AllowedUrls allowedUrls;

	public NotifyStepRules(NotificationProperties properties) {
		this.allowedUrls = new AllowedUrls(properties.allowedUrls());
	}

	/**
	 * @param inputs the step's input parameters as written, by name
	 * @return why the step could never be sent as written, or empty
	 */
	public Optional<String> problem(Map<String, String> inputs) {
		String channel = inputs.get(NotificationVariables.CHANNEL);
		if (channel == null || EXPRESSION.matcher(channel).find()) {
			return Optional.empty();
		}
		Map<String, Object> known = new HashMap<>(inputs);
		boolean urlKnown = standIn(known, NotificationVariables.URL, "https://expression.invalid/");
		standIn(known, NotificationVariables.MESSAGE, "an expression");
		standIn(known, NotificationVariables.RECIPIENTS, "expression@invalid");
		standIn(known, NotificationVariables.SUBJECT, "");
		try {
			Notification notification = Notification.of(known, "");
			if (urlKnown && notification.url() != null && !this.allowedUrls.allows(notification.url())) {
				return Optional.of(notAllowed(notification, this.allowedUrls));
			}
			return Optional.empty();
		}
		catch (NotificationRefusedException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/**
	 * An input that is absent may come from a process variable of the same name, and one
	 * with an expression is known only when the step runs: both get a stand-in.
	 * @return whether the value is known as written
	 */
	private static boolean standIn(Map<String, Object> inputs, String name, String standIn) {
		Object value = inputs.get(name);
		if (value == null || EXPRESSION.matcher(value.toString()).find()) {
			inputs.put(name, standIn);
			return false;
		}
		return true;
	}

	static String notAllowed(Notification notification, AllowedUrls allowedUrls) {
		return "'" + notification.url() + "' is not " + (allowedUrls.isEmpty()
				? "allowed: parc.notify.allowed-urls lists no URL" : "under a URL of parc.notify.allowed-urls");
	}

}
