package parc.orchestrator.system.database;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, known without waiting: requests that meet a failed
 * connection report it, and a probe checks the pool every {@link #PROBE_WHILE_UP} (every
 * {@link #PROBE_WHILE_DOWN} while it is down) so that the database coming back is seen
 * within a second. While it is down, web requests are answered 503 at once
 * ({@link DatabaseUnavailableFilter}) instead of each waiting out a connection timeout.
 */
@Component
public class DatabaseAvailability implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	static final Duration PROBE_WHILE_UP = Duration.ofSeconds(2);

	static final Duration PROBE_WHILE_DOWN = Duration.ofMillis(500);

	private final DataSource dataSource;

	private final AtomicReference<Instant> downSince = new AtomicReference<>();

	private final ScheduledExecutorService probe;

	private volatile boolean stopped;

	DatabaseAvailability(DataSource dataSource) {
		this.dataSource = dataSource;
		this.probe = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "parc-database-probe");
			thread.setDaemon(true);
			return thread;
		});
		this.probe.schedule(this::probeOnce, PROBE_WHILE_UP.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** True while PostgreSQL is known to be out of reach. */
	public boolean isUnavailable() {
		return this.downSince.get() != null;
	}

	/**
	 * Records a failure met elsewhere.
	 * @return whether it was the database out of reach (or its pool exhausted), worth a
	 * 503 and a later try
	 */
	public boolean report(Throwable failure) {
		if (DatabaseFailures.isUnreachable(failure)) {
			markDown(failure);
			return true;
		}
		return DatabaseFailures.isTemporary(failure);
	}

	private void probeOnce() {
		if (this.stopped) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			if (connection.isValid(2)) {
				markUp();
			}
		}
		catch (Exception ex) {
			if (DatabaseFailures.isUnreachable(ex)) {
				markDown(ex);
			}
		}
		finally {
			if (!this.stopped) {
				Duration next = isUnavailable() ? PROBE_WHILE_DOWN : PROBE_WHILE_UP;
				this.probe.schedule(this::probeOnce, next.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	private void markDown(Throwable failure) {
		if (this.downSince.compareAndSet(null, Instant.now())) {
			log.warn("PostgreSQL is out of reach ({}): requests are answered 503 until it answers again",
					rootMessage(failure));
		}
	}

	private void markUp() {
		Instant since = this.downSince.getAndSet(null);
		if (since != null) {
			log.info("PostgreSQL answers again, after {} s out of reach",
					Duration.between(since, Instant.now()).toMillis() / 1000.0);
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	@Override
	public void destroy() {
		this.stopped = true;
		this.probe.shutdownNow();
	}

}
