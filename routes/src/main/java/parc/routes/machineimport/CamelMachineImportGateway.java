package parc.routes.machineimport;

import org.apache.camel.ProducerTemplate;

import org.springframework.stereotype.Component;

import parc.orchestrator.machineimport.MachineImportGateway;

/** Queues an import for {@link MachineImportRoutes}; returns at once. */
@Component
class CamelMachineImportGateway implements MachineImportGateway {

	private final ProducerTemplate producer;

	CamelMachineImportGateway(ProducerTemplate producer) {
		this.producer = producer;
	}

	@Override
	public void submit(long importId) {
		this.producer.sendBody(MachineImportRoutes.QUEUE, importId);
	}

}
