package parc.orchestrator.system.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real embedded PostgreSQL left running on a data folder, as a killed Parc leaves it:
 * the next start stops it and opens the same data.
 */
class LeftoverPostgresTest {

	@TempDir
	Path data;

	/**
	 * Another JVM starts the server and is killed, as Parc would be: its PostgreSQL goes
	 * on running, and this JVM starts on the same folder.
	 */
	@Test
	void shouldStopTheServerAKilledParcLeftAndStartOnTheSameData() throws Exception {
		Path cluster = this.data.resolve("postgres");
		String javaCommand = ProcessHandle.current().info().command().orElse("java");
		Process parc = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
				AbandonedPostgres.class.getName(), cluster.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.data.resolve("abandoned.log").toFile())
			.start();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofMinutes(1))
			.until(() -> Files.exists(this.data.resolve("ready")) || !parc.isAlive());
		assertThat(parc.isAlive()).as(Files.readString(this.data.resolve("abandoned.log"))).isTrue();
		parc.destroyForcibly().waitFor();
		ProcessHandle leftover = LeftoverPostgres.find(cluster).orElseThrow();
		assertThat(leftover.isAlive()).as("the server outlives the killed JVM").isTrue();

		EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(cluster, 0);
		try {
			assertThat(leftover.isAlive()).isFalse();
			try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", "postgres");
					ResultSet rows = connection.createStatement().executeQuery("select name from survivor")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("kept");
			}
		}
		finally {
			restarted.close();
		}
		assertThat(LeftoverPostgres.find(cluster)).isEmpty();
	}

	/**
	 * The JVM that is killed: starts the server, writes a row, says it is ready, waits.
	 */
	static final class AbandonedPostgres {

		public static void main(String[] args) throws Exception {
			Path cluster = Path.of(args[0]);
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, 0);
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres")) {
				connection.createStatement().execute("create table survivor (name text)");
				connection.createStatement().execute("insert into survivor values ('kept')");
			}
			Files.writeString(cluster.resolveSibling("ready"), "ready");
			// Until the test kills this JVM.
			new java.util.concurrent.CountDownLatch(1).await();
		}

	}

	@Test
	void shouldLeaveAStalePidFileAlone() throws Exception {
		Path cluster = Files.createDirectories(this.data.resolve("stale"));
		// This JVM's pid, and a folder that is not the cluster's: neither is a leftover
		// server.
		Files.writeString(cluster.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + cluster + "\n");
		assertThat(LeftoverPostgres.find(cluster)).as("not a postgres process").isEmpty();
		Files.writeString(cluster.resolve("postmaster.pid"), "999999999\n" + cluster + "\n");
		assertThat(LeftoverPostgres.find(cluster)).as("no such process").isEmpty();
		Files.writeString(cluster.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n/elsewhere\n");
		assertThat(LeftoverPostgres.find(cluster)).as("another folder").isEmpty();
		assertThat(LeftoverPostgres.stopIfRunning(cluster)).isFalse();
	}

}
