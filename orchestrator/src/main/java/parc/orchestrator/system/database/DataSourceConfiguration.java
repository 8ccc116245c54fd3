package parc.orchestrator.system.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import parc.orchestrator.system.ParcProperties;

/**
 * One data source for Parc's tables, Camunda's and Quartz's. It points at the external
 * PostgreSQL when {@code parc.db.url} is set, otherwise at the embedded server started
 * here.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean(destroyMethod = "close")
	@Conditional(EmbeddedDatabaseCondition.class)
	EmbeddedPostgresServer embeddedPostgresServer(ParcProperties parc, ParcDatabaseProperties db) {
		return EmbeddedPostgresServer.start(parc.dataDir().resolve("postgres"), db.embeddedPort(),
				db.embeddedSettings());
	}

	/** Starts the embedded server again when it ends without Parc asking. */
	@Bean(destroyMethod = "close")
	@Conditional(EmbeddedDatabaseCondition.class)
	EmbeddedPostgresSupervisor embeddedPostgresSupervisor(EmbeddedPostgresServer server) {
		return new EmbeddedPostgresSupervisor(server);
	}

	/**
	 * Depending on the embedded server bean (when there is one) makes Spring close the
	 * pool, and everything using it, before it stops PostgreSQL.
	 */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(ParcDatabaseProperties db, ObjectProvider<EmbeddedPostgresServer> embedded,
			@Value("${parc.node.name}") String nodeName) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("parc");
		config.setMaximumPoolSize(db.maximumPoolSize());
		config.setConnectionTimeout(db.connectionTimeout().toMillis());
		// Below the connection timeout, as Hikari requires.
		config.setValidationTimeout(Math.min(2000, db.connectionTimeout().toMillis() - 250));
		// One multi-row INSERT per batch instead of one per row: an inventory writes
		// hundreds of software rows (#4).
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		// Rows of work running in this node's memory default their node to it (V25), and
		// pg_stat_activity shows which node holds which connection.
		config.addDataSourceProperty("ApplicationName", nodeName);
		EmbeddedPostgresServer server = embedded.getIfAvailable();
		if (server != null) {
			config.setJdbcUrl(server.jdbcUrl());
			config.setUsername("postgres");
			config.setPassword("postgres");
		}
		else {
			config.setJdbcUrl(db.url());
			config.setUsername(db.username());
			config.setPassword(db.password());
		}
		return new HikariDataSource(config);
	}

}
