package parc.routes.deployment;

import java.util.List;

import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseTaskService;

/**
 * {@code deployment-phase-tasks}: a few times a second, this node takes phase tasks in
 * batches ({@link PhaseTaskWorkers#fetch}) and queues them to
 * {@code parc.deployment.threads} consumers (50 by default) that do the work and complete
 * the tasks; {@code deployment-phase-task-locks} renews the locks of the work in progress
 * at a third of their duration.
 */
@Component
class PhaseTaskRoutes extends RouteBuilder {

	static final String QUEUE = "seda:deployment-phase-task?size=10000&blockWhenFull=true";

	private final PhaseTaskWorkers workers;

	private final PhaseTaskService tasks;

	private final ProducerTemplate producer;

	PhaseTaskRoutes(PhaseTaskWorkers workers, PhaseTaskService tasks, ProducerTemplate producer) {
		this.workers = workers;
		this.tasks = tasks;
		this.producer = producer;
	}

	@Override
	public void configure() {
		long renewEvery = Math.max(1000, this.tasks.lockDuration().toMillis() / 3);
		// @formatter:off
		onException(Exception.class)
			.handled(true)
			.log(LoggingLevel.WARN, "Deployment phase task failed: ${exception.message}");

		from("timer:deployment-phase-tasks?delay={{parc.deployment.poll-delay:2000}}"
				+ "&period={{parc.deployment.poll-interval:100}}")
			.routeId("deployment-phase-tasks")
			.process((exchange) -> takeTasks()).id("deployment-take-tasks");

		from(QUEUE + "&concurrentConsumers={{parc.deployment.threads:50}}")
			.routeId("deployment-phase-task-work")
			.process((exchange) -> this.workers.work(exchange.getIn().getBody(PhaseTask.class))).id("deployment-do-task");

		from("timer:deployment-phase-task-locks?period=" + renewEvery)
			.routeId("deployment-phase-task-locks")
			.process((exchange) -> this.workers.renewLocks()).id("deployment-renew-locks");
		// @formatter:on
	}

	/** Takes batches until the threads are busy or no deployment has work for them. */
	private void takeTasks() {
		List<PhaseTask> batch;
		do {
			batch = this.workers.fetch();
			batch.forEach((task) -> this.producer.sendBody(QUEUE, task));
		}
		while (!batch.isEmpty());
	}

}
