package parc.orchestrator.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import parc.orchestrator.machine.MachineFixtures;
import parc.orchestrator.machine.MachineService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PARC_DB_URL} set: Parc uses that server and starts none of its own. The
 * "external" server here is a separate PostgreSQL started by the test itself, with a user
 * and database of its own, as an administrator would prepare.
 */
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
@DirtiesContext
class ExternalDatabaseTest {

	static final EmbeddedPostgres external = startExternalServer();

	@DynamicPropertySource
	static void pointParcAtIt(DynamicPropertyRegistry registry) {
		registry.add("parc.db.url", () -> "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/parc");
		registry.add("parc.db.username", () -> "parc");
		registry.add("parc.db.password", () -> "parc-secret");
		registry.add("parc.data-dir", () -> "target/test-data/external-" + external.getPort());
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	MachineService machines;

	@Test
	void shouldUseTheConfiguredServerAndStartNoneOfItsOwn() {
		assertThat(this.context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
		assertThat(((HikariDataSource) this.dataSource).getJdbcUrl()).endsWith(":" + external.getPort() + "/parc");
		assertThat(Files.exists(Path.of("target/test-data/external-" + external.getPort(), "postgres"))).isFalse();
	}

	@Test
	void shouldMigrateParcCamundaAndQuartzTablesIntoIt() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		List<String> tables = jdbc
			.sql("select table_name from information_schema.tables where table_catalog = 'parc' "
					+ "and table_schema = 'public' and table_name in "
					+ "('machine', 'user_account', 'qrtz_triggers', 'act_ru_job', 'flyway_schema_history')")
			.query(String.class)
			.list();

		assertThat(tables).containsExactlyInAnyOrder("machine", "user_account", "qrtz_triggers", "act_ru_job",
				"flyway_schema_history");
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("parc");
		assertThat(this.machines.register(MachineFixtures.debianWebServer("external-db-web")).id()).isPositive();
	}

	private static EmbeddedPostgres startExternalServer() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
			admin.sql("create user parc password 'parc-secret'").update();
			admin.sql("create database parc owner parc").update();
			return postgres;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the PostgreSQL server that plays the external one", ex);
		}
	}

}
