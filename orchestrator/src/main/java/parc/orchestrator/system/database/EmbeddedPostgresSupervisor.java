package parc.orchestrator.system.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parc owns its embedded PostgreSQL, so it keeps it running: a postmaster that ended
 * without Parc asking (killed, crashed, stopped by hand) is started again on the same
 * data and port, with a log line each time and a growing pause between failed attempts
 * ({@link #FIRST_PAUSE} doubling up to {@link #LONGEST_PAUSE}). The pool and Camunda
 * reconnect on their own once it answers.
 */
final class EmbeddedPostgresSupervisor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);

	static final Duration CHECK_EVERY = Duration.ofMillis(500);

	static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

	static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

	private final EmbeddedPostgresServer server;

	private final ScheduledExecutorService checks;

	private volatile boolean closed;

	private int failedAttempts;

	private long nextAttemptAt;

	EmbeddedPostgresSupervisor(EmbeddedPostgresServer server) {
		this.server = server;
		this.checks = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "parc-postgres-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		this.checks.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void check() {
		if (this.closed || this.server.isRunning() || System.nanoTime() < this.nextAttemptAt) {
			return;
		}
		int attempt = this.failedAttempts + 1;
		log.warn("The embedded PostgreSQL in {} is not running: starting it again on the same data (attempt {})",
				this.server.clusterDirectory(), attempt);
		try {
			this.server.startAgain();
			log.info("The embedded PostgreSQL runs again on 127.0.0.1:{} (attempt {})", this.server.port(), attempt);
			this.failedAttempts = 0;
			this.nextAttemptAt = 0;
		}
		catch (RuntimeException ex) {
			this.failedAttempts = attempt;
			Duration pause = pauseAfter(attempt);
			this.nextAttemptAt = System.nanoTime() + pause.toNanos();
			log.error("The embedded PostgreSQL did not start again (attempt {}); next attempt in {} s", attempt,
					pause.toSeconds(), ex);
		}
	}

	/** 1 s, 2 s, 4 s ... up to {@link #LONGEST_PAUSE}. */
	static Duration pauseAfter(int failedAttempts) {
		long seconds = FIRST_PAUSE.toSeconds() << Math.min(failedAttempts - 1, 10);
		return Duration.ofSeconds(Math.min(seconds, LONGEST_PAUSE.toSeconds()));
	}

	/** Stops watching, before Parc stops the server on purpose. */
	@Override
	public void close() {
		this.closed = true;
		this.checks.shutdownNow();
		try {
			this.checks.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
