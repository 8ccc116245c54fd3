package parc.orchestrator.system.database;

import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine keeps the history level its database was created with. (A first start, where
 * the engine's tables do not exist yet, is the packaged jar's lifecycle test, which fails
 * on the ERROR line PostgreSQL would log.)
 */
@PostgresBackedTest
class QuietHistoryLevelDeterminatorTest {

	@Autowired
	HistoryLevelDeterminator determinator;

	@Test
	void shouldReadTheLevelTheDatabaseWasCreatedWith() {
		assertThat(this.determinator).isInstanceOf(QuietHistoryLevelDeterminator.class);
		assertThat(this.determinator.determineHistoryLevel()).isEqualTo("audit");
	}

}
