package parc.orchestrator.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Locks an account for a while after several consecutive wrong passwords, on every login
 * path (console, API, Cockpit). Counts are kept in the database, so that every node of a
 * cluster sees the same ones: a guesser gets no more tries from N nodes than from one,
 * and a restart does not start afresh. Each failure is one statement, safe against
 * another node counting the same name at the same moment.
 */
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/**
	 * Wrong names count too (Spring Security hides whether a name exists), so the table
	 * is bounded: past this size, rows that lock nothing now are forgotten.
	 */
	static final int MAX_TRACKED = 10_000;

	private final LoginProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxTracked;

	LoginThrottle(LoginProperties properties, JdbcClient jdbc, Clock clock) {
		this(properties, jdbc, clock, MAX_TRACKED);
	}

	LoginThrottle(LoginProperties properties, JdbcClient jdbc, Clock clock, int maxTracked) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxTracked = maxTracked;
	}

	int tracked() {
		return this.jdbc.sql("select count(*) from login_failure").query(Integer.class).single();
	}

	boolean isLocked(String username) {
		return this.jdbc.sql("select count(*) from login_failure where username = :name and locked_until > :now")
			.param("name", key(username))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	void failed(String username) {
		if (this.properties.maxFailures() <= 0) {
			return;
		}
		Instant now = this.clock.instant();
		// A failure after a lock ended counts from one again; every failure at or past
		// the
		// limit locks for the whole duration from now.
		Integer failures = this.jdbc.sql("""
				insert into login_failure as f (username, failures, locked_until, last_failure_at)
				values (:name, 1, case when 1 >= :max then cast(:lockEnd as timestamptz) end, :now)
				on conflict (username) do update set
				    failures = case when f.locked_until <= :now then 1 else f.failures + 1 end,
				    locked_until = case when (case when f.locked_until <= :now then 1 else f.failures + 1 end) >= :max
				                        then cast(:lockEnd as timestamptz) end,
				    last_failure_at = :now
				returning failures
				""")
			.param("name", key(username))
			.param("max", this.properties.maxFailures())
			.param("lockEnd", Timestamp.from(now.plus(this.properties.lockDuration())))
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
		if (failures == this.properties.maxFailures()) {
			log.warn("Login of '{}' locked until {} after {} wrong passwords in a row", username,
					now.plus(this.properties.lockDuration()), failures);
		}
		if (tracked() > this.maxTracked) {
			this.jdbc
				.sql("delete from login_failure where (locked_until is null or locked_until <= :now)"
						+ " and username <> :name")
				.param("now", Timestamp.from(now))
				.param("name", key(username))
				.update();
		}
	}

	void succeeded(String username) {
		this.jdbc.sql("delete from login_failure where username = :name").param("name", key(username)).update();
	}

	private static String key(String username) {
		return (username != null) ? username.toLowerCase(Locale.ROOT) : "";
	}

}
