package parc.orchestrator.system.database;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server Parc runs for itself by default: version, network exposure,
 * durability.
 */
@PostgresBackedTest
class EmbeddedPostgresServerTest {

	@Autowired
	JdbcClient jdbc;

	private String setting(String name) {
		return this.jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
	}

	@Test
	void shouldRunPostgresql17ListeningOnLoopbackOnly() {
		assertThat(Integer.parseInt(setting("server_version_num"))).isBetween(170000, 179999);
		assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
	}

	@Test
	void shouldKeepCommittedDataAcrossCrashes() {
		assertThat(setting("fsync")).isEqualTo("on");
		assertThat(setting("synchronous_commit")).isEqualTo("on");
		assertThat(setting("full_page_writes")).isEqualTo("on");
	}

}
