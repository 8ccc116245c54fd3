package parc.orchestrator.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Parc slows down password guessing ({@code parc.login.*}).
 *
 * @param maxFailures consecutive wrong passwords after which an account is locked; 0
 * turns locking off
 * @param lockDuration how long the lock lasts; the next success then starts the count
 * again
 */
@ConfigurationProperties("parc.login")
public record LoginProperties(Integer maxFailures, Duration lockDuration) {

	public LoginProperties {
		maxFailures = (maxFailures != null) ? maxFailures : 5;
		lockDuration = (lockDuration != null) ? lockDuration : Duration.ofMinutes(5);
	}

}
