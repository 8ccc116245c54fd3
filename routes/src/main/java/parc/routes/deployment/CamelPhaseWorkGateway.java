package parc.routes.deployment;

import org.apache.camel.ProducerTemplate;

import org.springframework.stereotype.Component;

import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.PhaseWorkGateway;

/** Queues phase work for the {@link DeploymentPhaseRoutes}; returns at once. */
@Component
class CamelPhaseWorkGateway implements PhaseWorkGateway {

	private final ProducerTemplate producer;

	CamelPhaseWorkGateway(ProducerTemplate producer) {
		this.producer = producer;
	}

	@Override
	public void start(PhaseWork work) {
		this.producer.sendBody(DeploymentPhaseRoutes.QUEUE, work);
	}

}
