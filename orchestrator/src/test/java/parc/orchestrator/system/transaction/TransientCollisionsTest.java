package parc.orchestrator.system.transaction;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of a result's correlation are worth another try: collisions that the
 * next attempt does not meet, never a real error.
 */
class TransientCollisionsTest {

	@Test
	void shouldRetryCollisionsDeadlocksAndAFullPool() {
		assertThat(TransientCollisions.isTransient(new OptimisticLockingException("revision moved"))).isTrue();
		assertThat(TransientCollisions
			.isTransient(new ProcessEngineException("flush failed", new SQLException("deadlock detected", "40P01"))))
			.isTrue();
		assertThat(TransientCollisions
			.isTransient(new RuntimeException(new SQLException("could not serialize access", "40001")))).isTrue();
		assertThat(TransientCollisions
			.isTransient(new RuntimeException(new SQLTransientConnectionException("Connection is not available"))))
			.isTrue();
	}

	@Test
	void shouldNotRetryRealErrors() {
		assertThat(TransientCollisions.isTransient(new ProcessEngineException("Unknown property used in expression")))
			.isFalse();
		assertThat(TransientCollisions
			.isTransient(new RuntimeException(new SQLException("null value violates not-null", "23502")))).isFalse();
	}

}
