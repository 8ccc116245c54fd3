package parc.orchestrator.system.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded server, stopped (SIGINT, PostgreSQL's fast shutdown) or killed under the
 * supervisor, runs again on the same cluster and port with its data.
 */
class EmbeddedPostgresSupervisorTest {

	@Test
	void shouldStartTheServerAgainOnTheSameDataAfterAStopAndAKill() throws Exception {
		Path cluster = Path.of("target", "test-data", "supervised-" + UUID.randomUUID(), "postgres").toAbsolutePath();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(cluster, 0);
				EmbeddedPostgresSupervisor supervisor = new EmbeddedPostgresSupervisor(server)) {
			query(server, "create table kept (value text); insert into kept values ('before')");
			int port = server.port();

			for (String signal : new String[] { "-INT", "-KILL" }) {
				long postmaster = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0));
				assertThat(new ProcessBuilder("kill", signal, Long.toString(postmaster)).start().waitFor()).isZero();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> ProcessHandle.of(postmaster).map((handle) -> !handle.isAlive()).orElse(true));

				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.ignoreExceptions()
					.until(() -> "before".equals(query(server, "select value from kept")));
				assertThat(server.port()).as("the pool's URL stays right").isEqualTo(port);
				assertThat(server.isRunning()).isTrue();
			}
		}
		assertThat(cluster.resolve("postmaster.pid")).as("stopped on purpose, not started again").doesNotExist();
	}

	@Test
	void shouldPauseLongerAfterEachFailedStartUpToHalfAMinute() {
		assertThat(EmbeddedPostgresSupervisor.pauseAfter(1)).hasSeconds(1);
		assertThat(EmbeddedPostgresSupervisor.pauseAfter(2)).hasSeconds(2);
		assertThat(EmbeddedPostgresSupervisor.pauseAfter(5)).hasSeconds(16);
		assertThat(EmbeddedPostgresSupervisor.pauseAfter(6)).hasSeconds(30);
		assertThat(EmbeddedPostgresSupervisor.pauseAfter(60)).hasSeconds(30);
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			if (!statement.execute(sql)) {
				return null;
			}
			try (ResultSet rows = statement.getResultSet()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

}
