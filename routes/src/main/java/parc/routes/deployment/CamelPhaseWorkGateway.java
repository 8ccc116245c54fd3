package parc.routes.deployment;

import org.apache.camel.ProducerTemplate;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.PhaseWorkGateway;

/** Queues phase work for the {@link DeploymentPhaseRoutes}; returns at once. */
@Component
class CamelPhaseWorkGateway implements PhaseWorkGateway {

	private final ProducerTemplate producer;

	private final LegacyPhaseWorker worker;

	CamelPhaseWorkGateway(ProducerTemplate producer, LegacyPhaseWorker worker) {
		this.producer = producer;
		this.worker = worker;
	}

	@Override
	public void start(PhaseWork work) {
		this.producer.sendBody(DeploymentPhaseRoutes.QUEUE, work);
	}

	@Override
	public void cancel(long deploymentId) {
		this.worker.cancel(deploymentId);
	}

}
