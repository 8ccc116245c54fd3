package parc.orchestrator.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks an account for a while after several consecutive wrong passwords, on every login
 * path (console, API, Cockpit). Counts are kept per node, in memory: a restart or another
 * cluster node starts afresh, which slows guessing without ever locking an administrator
 * out for good. Thread-safe.
 */
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/**
	 * Wrong names count too (Spring Security hides whether a name exists), so the map is
	 * bounded: past this size, entries that lock nothing now are forgotten.
	 */
	static final int MAX_TRACKED = 10_000;

	private record Failures(int count, Instant lockedUntil) {
	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	int tracked() {
		return this.failures.size();
	}

	boolean isLocked(String username) {
		Failures current = this.failures.get(key(username));
		return current != null && current.lockedUntil() != null && this.clock.instant().isBefore(current.lockedUntil());
	}

	void failed(String username) {
		if (this.properties.maxFailures() <= 0) {
			return;
		}
		if (this.failures.size() >= MAX_TRACKED) {
			Instant now = this.clock.instant();
			this.failures.values()
				.removeIf((entry) -> entry.lockedUntil() == null || !now.isBefore(entry.lockedUntil()));
		}
		Failures after = this.failures.compute(key(username), (name, current) -> {
			boolean lockOver = current != null && current.lockedUntil() != null
					&& !this.clock.instant().isBefore(current.lockedUntil());
			int count = (current == null || lockOver) ? 1 : current.count() + 1;
			Instant lockedUntil = (count >= this.properties.maxFailures())
					? this.clock.instant().plus(this.properties.lockDuration()) : null;
			return new Failures(count, lockedUntil);
		});
		if (after.count() == this.properties.maxFailures()) {
			log.warn("Login of '{}' locked until {} after {} wrong passwords in a row", username, after.lockedUntil(),
					after.count());
		}
	}

	void succeeded(String username) {
		this.failures.remove(key(username));
	}

	private static String key(String username) {
		return (username != null) ? username.toLowerCase(Locale.ROOT) : "";
	}

}
