package parc.orchestrator.system.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.transaction.TransactionSystemException;

/**
 * Tells, from an exception however deeply wrapped (Spring, MyBatis, Camunda, a servlet),
 * whether it came from the database being out of reach rather than from the request.
 */
public final class DatabaseFailures {

	/**
	 * Admin shutdown, crash shutdown, cannot connect now: the server is going or gone.
	 */
	private static final Set<String> SERVER_GONE_STATES = Set.of("57P01", "57P02", "57P03");

	private static final int MAX_DEPTH = 32;

	/** What HikariCP's proxy says of a connection it closed after a failure. */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private DatabaseFailures() {
	}

	/**
	 * PostgreSQL cannot be reached or is shutting down: the connection failed (SQLState
	 * class 08), the server ended the session, or the pool gave up waiting while
	 * connections failed.
	 */
	public static boolean isUnreachable(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SERVER_GONE_STATES.contains(sql.getSQLState()))) {
				return true;
			}
			if (current instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// A rollback on a connection the failure closed hides that failure behind
			// "Connection is closed", which carries no SQLState.
			if (current instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != failure
					&& isUnreachable(rollback.getApplicationException())) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

	/**
	 * Worth a 503 and a later try: unreachable, or every pooled connection stayed busy
	 * for the whole connection timeout.
	 */
	public static boolean isTemporary(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			if (current instanceof SQLTransientConnectionException) {
				return true;
			}
			// A commit the server died during, then a rollback on the connection the pool
			// had closed for it: Spring keeps only the rollback's failure. Whether the
			// commit happened is unknown, so the client is asked to send again.
			if (current instanceof TransactionSystemException rollback
					&& rollback.getCause() instanceof SQLException closed
					&& HIKARI_CLOSED_CONNECTION.equals(closed.getMessage())) {
				return true;
			}
			current = current.getCause();
		}
		return isUnreachable(failure);
	}

}
