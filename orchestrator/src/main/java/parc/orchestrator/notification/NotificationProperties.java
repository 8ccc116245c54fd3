package parc.orchestrator.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.notify.*}.
 *
 * @param allowedUrls the URLs processes may call, each with what is under it (none by
 * default: HTTP notifications are refused until an administrator lists some)
 * @param from the sender of e-mails ({@code parc@localhost})
 * @param timeout how long a send may take before it counts as failed (10 seconds)
 * @param attempts how many times a failed send is tried before the step gives up (3)
 * @param retryPause the pause between attempts (1 minute)
 */
@ConfigurationProperties("parc.notify")
public record NotificationProperties(List<String> allowedUrls, String from, Duration timeout, Integer attempts,
		Duration retryPause) {

	public NotificationProperties {
		allowedUrls = (allowedUrls != null) ? List.copyOf(allowedUrls) : List.of();
		from = (from != null && !from.isBlank()) ? from.strip() : "parc@localhost";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		attempts = (attempts != null) ? attempts : 3;
		retryPause = (retryPause != null) ? retryPause : Duration.ofMinutes(1);
		if (attempts < 1) {
			throw new IllegalArgumentException("parc.notify.attempts must be at least 1: " + attempts);
		}
		new AllowedUrls(allowedUrls);
	}

}
