package parc.orchestrator.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Parc that was killed (SIGKILL, the OOM killer) cannot stop its embedded PostgreSQL,
 * which goes on running on the data folder and keeps the next start from opening it. Its
 * {@code postmaster.pid} names it: when that process is alive and is a PostgreSQL on this
 * very folder, it gets SIGTERM (PostgreSQL's smart shutdown, quick since the dead Parc's
 * connections are gone) before the new one starts.
 */
final class LeftoverPostgres {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

	static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private LeftoverPostgres() {
	}

	/**
	 * @return whether a leftover server was found and stopped
	 */
	static boolean stopIfRunning(Path clusterDirectory) {
		Optional<ProcessHandle> leftover = find(clusterDirectory);
		if (leftover.isEmpty()) {
			return false;
		}
		ProcessHandle server = leftover.get();
		log.warn("A PostgreSQL left running by an earlier Parc (pid {}) holds {}: stopping it first", server.pid(),
				clusterDirectory);
		server.destroy();
		try {
			server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The PostgreSQL left running on " + clusterDirectory + " (pid "
					+ server.pid() + ") did not stop within " + STOP_WAIT.toSeconds() + " s: stop it and start again",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not wait for the leftover PostgreSQL", ex);
		}
		return true;
	}

	/**
	 * The live PostgreSQL that {@code postmaster.pid} names, if it serves this folder; a
	 * stale file (no such process, or another program under that pid) is PostgreSQL's own
	 * business at start.
	 */
	static Optional<ProcessHandle> find(Path clusterDirectory) {
		Path pidFile = clusterDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + pidFile, ex);
		}
		if (lines.size() < 2 || !lines.get(0).trim().matches("[0-9]+")) {
			return Optional.empty();
		}
		if (!samePath(Path.of(lines.get(1).trim()), clusterDirectory)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().command().map((command) -> command.endsWith("postgres")).orElse(false));
	}

	private static boolean samePath(Path a, Path b) {
		try {
			return Files.isSameFile(a, b);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
