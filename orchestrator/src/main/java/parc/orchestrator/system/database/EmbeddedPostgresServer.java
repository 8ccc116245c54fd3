package parc.orchestrator.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Parc runs for itself when no external database is configured. Its
 * cluster lives in a folder that survives restarts; it listens on 127.0.0.1 only.
 *
 * <p>
 * Its life is tied to the Spring context, not to the JVM: zonky's own shutdown hook is
 * left out, because it stopped the server while Camunda's job executor and Quartz were
 * still shutting down and the process then hung on the connection pool
 * (docs/architecture.md, "Start-up and the database"). Spring destroys this bean after
 * every bean that uses the data source.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private volatile EmbeddedPostgres postgres;

	private final Path clusterDirectory;

	/** How it was started, on the port it got: what starting it again needs. */
	private final EmbeddedPostgres.Builder builder;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDirectory, EmbeddedPostgres.Builder builder) {
		this.postgres = postgres;
		this.clusterDirectory = clusterDirectory;
		this.builder = builder.setPort(postgres.getPort());
	}

	/** What keeps the cluster on the loopback and its committed work safe. */
	static final Set<String> FIXED_SETTINGS = Set.of("listen_addresses", "fsync", "synchronous_commit",
			"full_page_writes");

	static EmbeddedPostgresServer start(Path clusterDirectory, int port) {
		return start(clusterDirectory, port, Map.of());
	}

	/**
	 * @param settings PostgreSQL settings on top of Parc's own, by name
	 * @throws IllegalArgumentException when one would change a {@link #FIXED_SETTINGS
	 * fixed} setting or is not a setting's name
	 */
	static EmbeddedPostgresServer start(Path clusterDirectory, int port, Map<String, String> settings) {
		settings.keySet().forEach((name) -> {
			if (!name.matches("[a-z][a-z0-9_.]{0,62}")) {
				throw new IllegalArgumentException(
						"parc.db.embedded-settings: '" + name + "' is not a PostgreSQL setting name");
			}
			if (FIXED_SETTINGS.contains(name)) {
				throw new IllegalArgumentException(
						"parc.db.embedded-settings: " + name + " is fixed by Parc (loopback only, durable writes)");
			}
		});
		try {
			Files.createDirectories(clusterDirectory.getParent());
			boolean firstStart = !Files.exists(clusterDirectory.resolve("PG_VERSION"));
			log.info("Starting embedded PostgreSQL in {} ({})", clusterDirectory,
					firstStart ? "new cluster" : "existing cluster");
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(clusterDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "100")
				// zonky is tuned for throwaway test databases: it passes -F (fsync off)
				// and
				// synchronous_commit=off. This cluster holds an installation's data, so a
				// crash or a power cut
				// must not corrupt it or lose committed work; a later -c overrides -F.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
			settings.forEach(builder::setServerConfig);
			if (port > 0) {
				builder.setPort(port);
			}
			if (!firstStart) {
				LeftoverPostgres.stopIfRunning(clusterDirectory);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
			return new EmbeddedPostgresServer(postgres, clusterDirectory, builder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + clusterDirectory
					+ ": check that the folder is writable and not used by another Parc", ex);
		}
	}

	/**
	 * Whether the postmaster its cluster's PID file names is alive. No PID file means it
	 * stopped (a fast or smart shutdown removes it); a file naming a dead process means
	 * it was killed.
	 */
	boolean isRunning() {
		try {
			return LeftoverPostgres.find(this.clusterDirectory).isPresent();
		}
		catch (UncheckedIOException ex) {
			return false;
		}
	}

	/**
	 * Starts PostgreSQL again on the same cluster and port, after its postmaster ended
	 * without Parc asking: the connection URL stays right, and the pool reconnects.
	 * @throws UncheckedIOException when it does not start (the caller tries again later)
	 */
	synchronized void startAgain() {
		try {
			// Releases zonky's lock on the cluster; stopping a server already gone only
			// logs.
			this.postgres.close();
		}
		catch (IOException ex) {
			log.debug("Closing the stopped embedded PostgreSQL", ex);
		}
		try {
			LeftoverPostgres.stopIfRunning(this.clusterDirectory);
			this.postgres = this.builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL again in " + this.clusterDirectory,
					ex);
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	Path clusterDirectory() {
		return this.clusterDirectory;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	@Override
	public synchronized void close() throws IOException {
		log.info("Stopping embedded PostgreSQL in {}", this.clusterDirectory);
		this.postgres.close();
	}

}
