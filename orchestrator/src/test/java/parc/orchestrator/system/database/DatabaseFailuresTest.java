package parc.orchestrator.system.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

	private static final SQLException REFUSED = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");

	@Test
	void shouldSeeAConnectionFailureHoweverDeeplyWrapped() {
		ServletException wrapped = new ServletException("handler failed",
				new CannotGetJdbcConnectionException("no connection", REFUSED));

		assertThat(DatabaseFailures.isUnreachable(wrapped)).isTrue();
		assertThat(DatabaseFailures.isTemporary(wrapped)).isTrue();
	}

	@Test
	void shouldSeeTheServerEndingTheSession() {
		assertThat(DatabaseFailures.isUnreachable(
				new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
	}

	@Test
	void shouldSeeTheFailureARollbackOnAClosedConnectionHides() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new RuntimeException(new SQLException("I/O error", "08006")));

		assertThat(DatabaseFailures.isUnreachable(rollback)).isTrue();
	}

	@Test
	void shouldAskToSendAgainWhenACommitWasLostBehindAFailedRollback() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));

		assertThat(DatabaseFailures.isTemporary(rollback)).isTrue();
		assertThat(DatabaseFailures.isUnreachable(rollback)).as("the probe, not this, tells whether it is down")
			.isFalse();
	}

	@Test
	void shouldTellABusyPoolFromAnUnreachableServer() {
		SQLTransientConnectionException busy = new SQLTransientConnectionException(
				"parc - Connection is not available, request timed out after 3000ms");
		SQLTransientConnectionException gone = new SQLTransientConnectionException(
				"parc - Connection is not available, request timed out after 3000ms", "08001", REFUSED);

		assertThat(DatabaseFailures.isUnreachable(busy)).isFalse();
		assertThat(DatabaseFailures.isTemporary(busy)).isTrue();
		assertThat(DatabaseFailures.isUnreachable(gone)).isTrue();
	}

	@Test
	void shouldLeaveOtherFailuresAlone() {
		SQLException constraint = new SQLException("duplicate key value violates unique constraint", "23505");

		assertThat(DatabaseFailures.isTemporary(new RuntimeException(constraint))).isFalse();
		assertThat(DatabaseFailures.isTemporary(new SQLException("Connection is closed"))).isFalse();
		assertThat(DatabaseFailures.isTemporary(new IllegalStateException("no cause"))).isFalse();
	}

}
