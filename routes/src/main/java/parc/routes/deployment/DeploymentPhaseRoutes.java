package parc.routes.deployment;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.PhaseWork;

/**
 * Phases of processes started by an older Parc, kept so that they finish:
 * {@code deployment-run-phase} queues their work in memory and runs it on
 * {@code parc.deployment.threads} consumers (50 by default). Nothing is lost across a
 * restart that the process would not notice: the phase's safety timer sends the machine
 * to its next attempt.
 */
@Component
class DeploymentPhaseRoutes extends RouteBuilder {

	static final String QUEUE = "seda:deployment-phase?size=100000&blockWhenFull=true";

	private final LegacyPhaseWorker worker;

	DeploymentPhaseRoutes(LegacyPhaseWorker worker) {
		this.worker = worker;
	}

	@Override
	public void configure() {
		// @formatter:off
		onException(Exception.class)
			.handled(true)
			.log(org.apache.camel.LoggingLevel.WARN, "Deployment phase work failed: ${exception.message}");

		from(QUEUE + "&concurrentConsumers={{parc.deployment.threads:50}}")
			.routeId("deployment-run-phase")
			.process((exchange) -> this.worker.run(exchange.getIn().getBody(PhaseWork.class))).id("deployment-phase-work");
		// @formatter:on
	}

}
