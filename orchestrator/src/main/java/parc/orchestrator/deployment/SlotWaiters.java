package parc.orchestrator.deployment;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import parc.orchestrator.system.transaction.AfterCommit;

/**
 * Phases of processes started by an older Parc (before phase work became external tasks),
 * kept so that they finish: wakes machines waiting in a phase for {@code Msg_RunAllowed}:
 * one when a slot is freed, all of a deployment when it resumes. Always after the change
 * has committed, so that the woken machine sees it, and on a thread of its own: a Camunda
 * command run inside Spring's after-commit would join the finished transaction. A wake-up
 * that is missed (the waiter had not committed yet) is caught by the waiter's own
 * one-minute check.
 */
@Component
class SlotWaiters {

	private static final Logger log = LoggerFactory.getLogger(SlotWaiters.class);

	private final RuntimeService runtime;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "parc-slot-waiters");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Whether a phase of a process started by an older Parc was seen waiting for a slot:
	 * only those wait for a message; until one does, a freed slot costs no query.
	 */
	private volatile boolean waitersSeen;

	SlotWaiters(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** A phase of an older process waits for {@code Msg_RunAllowed}. */
	void waiterSeen() {
		this.waitersSeen = true;
	}

	/** A machine of this top deployment finished its attempt: the next one may go. */
	void slotFreed(long top) {
		if (this.waitersSeen) {
			AfterCommit.run(() -> this.executor.execute(() -> wake(top, 1)));
		}
	}

	/** The deployment resumed: every waiting machine checks again. */
	void resumed(long top) {
		AfterCommit.run(() -> this.executor.execute(() -> wake(top, Integer.MAX_VALUE)));
	}

	private void wake(long top, int count) {
		List<Execution> waiting = this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(DeploymentPhaseVariables.MSG_RUN_ALLOWED)
			.processVariableValueEquals(DeploymentPhaseVariables.SLOT_GROUP, top)
			.listPage(0, count);
		for (Execution execution : waiting) {
			try {
				this.runtime.messageEventReceived(DeploymentPhaseVariables.MSG_RUN_ALLOWED, execution.getId());
			}
			catch (RuntimeException ex) {
				// It moved on meanwhile (its one-minute check fired, or it was stopped),
				// or
				// the database chose this wake-up as a deadlock's victim: its own
				// one-minute check catches it.
				log.debug("Waiting machine {} could not be woken: {}", execution.getId(), ex.getMessage());
			}
		}
	}

	@PreDestroy
	void close() {
		this.executor.shutdownNow();
	}

}
