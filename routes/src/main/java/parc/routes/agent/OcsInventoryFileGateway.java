package parc.routes.agent;

import org.springframework.stereotype.Component;

import parc.ocsagent.OcsBodyCodec;
import parc.ocsagent.OcsProtocolException;
import parc.ocsagent.OcsRequest;
import parc.ocsagent.OcsRequestDecoder;
import parc.ocsagent.OcsXmlReader;
import parc.orchestrator.inventory.InvalidInventoryFileException;
import parc.orchestrator.inventory.InventoryFileGateway;
import parc.orchestrator.inventory.InventoryReport;
import parc.orchestrator.inventory.InventorySource;

/**
 * Reads {@code .ocs} files (the zlib INVENTORY request {@code ocsinventory-agent --local}
 * writes) and {@code .xml} files (the same, uncompressed) with the agent endpoint's own
 * decoder and limits, so a file gets exactly the checks a live agent gets.
 */
@Component
class OcsInventoryFileGateway implements InventoryFileGateway {

	private final OcsRequestDecoder decoder;

	OcsInventoryFileGateway(AgentEndpointProperties limits) {
		this.decoder = new OcsRequestDecoder(new OcsBodyCodec(limits.maxInflatedBytes()),
				new OcsXmlReader(limits.maxXmlElements(), 1024 * 1024));
	}

	@Override
	public InventoryReport read(String fileName, byte[] content) {
		OcsRequest request;
		try {
			request = this.decoder.decode(content).request();
		}
		catch (OcsProtocolException ex) {
			throw new InvalidInventoryFileException(ex.getMessage(), ex);
		}
		if (!(request instanceof OcsRequest.Inventory inventory)) {
			throw new InvalidInventoryFileException("not an inventory (QUERY is not INVENTORY)");
		}
		return new InventoryReport(InventorySource.IMPORT, inventory.deviceId(), null,
				OcsInventoryMapper.toDocument(inventory.content()), inventory.content().oldDeviceId());
	}

}
