package parc.orchestrator.system.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Extra settings of the embedded PostgreSQL, as docs/operations.md tells an administrator
 * to give them.
 */
class EmbeddedPostgresSettingsTest {

	@TempDir
	Path data;

	@Test
	void shouldStartWithTheSettingsGivenAsParcProperties() throws Exception {
		ParcDatabaseProperties db = bind(Map.of("parc.db.embedded-settings.work_mem", "16MB",
				"parc.db.embedded-settings.shared_preload_libraries", "pg_stat_statements"));

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.data.resolve("postgres"), 0,
				db.embeddedSettings());
				Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres")) {
			assertThat(show(connection, "work_mem")).isEqualTo("16MB");
			connection.createStatement().execute("create extension pg_stat_statements");
			try (ResultSet rows = connection.createStatement()
				.executeQuery("select count(*) from pg_stat_statements")) {
				assertThat(rows.next()).isTrue();
			}
			assertThat(show(connection, "fsync")).isEqualTo("on");
		}
	}

	@Test
	void shouldRefuseToChangeWhatKeepsTheDataSafeOrLocal() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedPostgresServer.start(this.data.resolve("postgres"), 0, Map.of("fsync", "off")))
			.withMessageContaining("fsync is fixed by Parc");
		assertThatIllegalArgumentException().isThrownBy(
				() -> EmbeddedPostgresServer.start(this.data.resolve("postgres"), 0, Map.of("listen_addresses", "*")))
			.withMessageContaining("listen_addresses");
		assertThatIllegalArgumentException().isThrownBy(
				() -> EmbeddedPostgresServer.start(this.data.resolve("postgres"), 0, Map.of("work_mem = 1; drop", "x")))
			.withMessageContaining("not a PostgreSQL setting name");
	}

	private static ParcDatabaseProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("parc.db", ParcDatabaseProperties.class)
			.get();
	}

	private static String show(Connection connection, String setting) throws Exception {
		try (ResultSet rows = connection.createStatement().executeQuery("show " + setting)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
