package parc.routes.agentless;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import org.springframework.stereotype.Component;

import parc.orchestrator.agentless.AgentlessGateway;
import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.agentless.CommandOutcome;
import parc.orchestrator.agentless.ProbeOutcome;
import parc.orchestrator.agentless.PulledFileOutcome;
import parc.orchestrator.agentless.RemoteCommandRequest;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.inventory.InventoryDocument;

/** The agentless port, sending to the {@link AgentlessRoutes}. */
@Component
class CamelAgentlessGateway implements AgentlessGateway {

	private final ProducerTemplate producer;

	CamelAgentlessGateway(ProducerTemplate producer) {
		this.producer = producer;
	}

	@Override
	public ProbeOutcome probe(String host, int sshPort) {
		return call(() -> this.producer.requestBodyAndHeaders(AgentlessRoutes.PROBE, null,
				Map.of(AgentlessRoutes.HOST_HEADER, host, AgentlessRoutes.PORT_HEADER, sshPort), ProbeOutcome.class));
	}

	@Override
	public InventoryDocument collectInventory(RemoteTarget target) {
		return call(() -> this.producer.requestBody(AgentlessRoutes.PULL_INVENTORY, target, InventoryDocument.class));
	}

	@Override
	public CommandOutcome runCommand(RemoteTarget target, RemoteCommandRequest command,
			Consumer<CommandLine> listener) {
		return call(() -> this.producer.requestBodyAndHeaders(AgentlessRoutes.RUN_COMMAND, target,
				Map.of(AgentlessRoutes.COMMAND_HEADER, command, AgentlessRoutes.LISTENER_HEADER, listener),
				CommandOutcome.class));
	}

	@Override
	public PulledFileOutcome pullFirstFile(RemoteTarget target, String folder, long maxBytes, Path localFile) {
		return call(() -> this.producer.requestBodyAndHeaders(
				AgentlessRoutes.PULL_FILE, target, Map.of(AgentlessRoutes.FOLDER_HEADER, folder,
						AgentlessRoutes.MAX_BYTES_HEADER, maxBytes, AgentlessRoutes.LOCAL_FILE_HEADER, localFile),
				PulledFileOutcome.class));
	}

	@Override
	public void wake(List<String> macAddresses) {
		call(() -> this.producer.requestBody(AgentlessRoutes.WAKE, macAddresses));
	}

	/** Camel wraps what a route threw: the caller wants the port's own exception. */
	private static <T> T call(java.util.function.Supplier<T> request) {
		try {
			return request.get();
		}
		catch (CamelExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
