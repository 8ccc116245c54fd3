package parc.routes.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import parc.orchestrator.cluster.WorkCounters;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseTaskService;
import parc.orchestrator.system.database.DatabaseFailures;

/**
 * This node's workers of phase tasks: they take no more tasks than they have idle threads
 * (a task waiting in a queue would only burn its lock), keep the locks of the tasks they
 * work on alive, and complete each with its result. At the first fetch, tasks this node
 * held before a crash are given back.
 */
@Component
class PhaseTaskWorkers {

	private static final Logger log = LoggerFactory.getLogger(PhaseTaskWorkers.class);

	private static final Duration RETRY_COMPLETION_EVERY = Duration.ofSeconds(1);

	private final PhaseTaskService tasks;

	private final PhaseWorkRunner runner;

	private final int threads;

	private final String workerId;

	private final Map<String, PhaseTask> inFlight = new ConcurrentHashMap<>();

	private final AtomicBoolean startedOnce = new AtomicBoolean();

	private final WorkCounters counters;

	PhaseTaskWorkers(PhaseTaskService tasks, PhaseWorkRunner runner,
			@Value("${parc.deployment.threads:50}") int threads,
			@Value("${parc.deployment.worker-id:}") String workerId, @Value("${parc.node.name}") String nodeName,
			WorkCounters counters) {
		this.tasks = tasks;
		this.runner = runner;
		this.threads = threads;
		this.workerId = workerId.isBlank() ? nodeName : workerId;
		this.counters = counters;
	}

	/**
	 * The engine's name for this node's workers: the node's name, stable across restarts,
	 * so that a restarted node gives back what it held and a task taken over names the
	 * node that held it.
	 */
	String workerId() {
		return this.workerId;
	}

	/** Takes as many tasks as there are idle threads. */
	List<PhaseTask> fetch() {
		if (this.startedOnce.compareAndSet(false, true)) {
			int released = this.tasks.releaseHeldBy(this.workerId);
			if (released > 0) {
				log.info("Gave back {} phase task(s) this node held when it stopped", released);
			}
		}
		int idle = this.threads - this.inFlight.size();
		if (idle <= 0) {
			return List.of();
		}
		List<PhaseTask> taken = this.tasks.fetch(this.workerId, idle);
		taken.forEach((task) -> this.inFlight.put(task.taskId(), task));
		return taken;
	}

	void work(PhaseTask task) {
		PhaseResult result;
		try {
			result = this.runner.run(task);
		}
		finally {
			// Out of the renewals before the completion, not after: a renewal that finds
			// the task completed would otherwise call it lost. The lock, renewed a third
			// of its duration ago at most, outlasts the completion by far.
			this.inFlight.remove(task.taskId());
		}
		if (result != null) {
			completeOnceTheDatabaseAnswers(task, result);
			this.counters.phaseTaskWorked();
		}
	}

	/**
	 * A result met by a PostgreSQL outage is kept and handed over again once it answers:
	 * dropped, it would leave the machine running until the lock ran out, then run the
	 * phase a second time. The lock, renewed a third of its duration ago at most, leaves
	 * two thirds of it for that.
	 */
	private void completeOnceTheDatabaseAnswers(PhaseTask task, PhaseResult result) {
		long giveUpAt = System.nanoTime() + this.tasks.lockDuration().toNanos() * 2 / 3;
		while (true) {
			try {
				this.tasks.complete(task, result);
				return;
			}
			catch (RuntimeException ex) {
				if (!DatabaseFailures.isTemporary(ex) || System.nanoTime() > giveUpAt) {
					throw ex;
				}
				log.warn("Phase task {} of deployment {} ({}): result {} kept until the database answers again",
						task.taskId(), task.work().deploymentId(), task.work().machineName(), result.outcome());
				try {
					Thread.sleep(RETRY_COMPLETION_EVERY.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	/**
	 * The tasks being worked on stay this node's for another lock duration.
	 * @return how many were lost: still being worked on here, but no longer this node's
	 */
	int renewLocks() {
		int lost = 0;
		for (PhaseTask task : this.inFlight.values()) {
			try {
				if (!this.tasks.renew(task, this.tasks.lockDuration()) && this.inFlight.containsKey(task.taskId())) {
					lost++;
					log.warn(
							"Lost phase task {} of deployment {} ({}): its lock ran out and another worker may "
									+ "take it over",
							task.taskId(), task.work().deploymentId(), task.work().machineName());
				}
			}
			catch (RuntimeException ex) {
				// A collision with the task's own completion: the next round renews it,
				// well before the lock runs out. The other tasks must not wait for it.
				log.debug("Phase task {} not renewed this round: {}", task.taskId(), ex.getMessage());
			}
		}
		return lost;
	}

	int inFlight() {
		return this.inFlight.size();
	}

}
