package parc.orchestrator.system.transaction;

import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Failures that the same work, done again a moment later, gets past: engine transactions
 * that touch a shared execution at once (machines of one deployment ending together)
 * collide, and all but one are told to try again.
 */
public final class TransientCollisions {

	private TransientCollisions() {
	}

	/**
	 * An optimistic-locking collision, a deadlock, a serialization failure or a pool that
	 * was full.
	 */
	public static boolean isTransient(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return true;
			}
			if (cause instanceof java.sql.SQLTransientException) {
				// No connection free in the pool in time: the work's threads outnumber
				// it.
				return true;
			}
			if (cause instanceof java.sql.SQLException sql
					&& ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	public static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
