package parc.orchestrator.system.transaction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task once the current transaction has committed, or at once outside one: work
 * handed to another thread must not see, or be lost with, a transaction that rolls back.
 * The task runs on the committing thread, whose transaction resources are still bound:
 * hand anything that uses the database or the engine to another thread.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable task) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			task.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				task.run();
			}
		});
	}

}
