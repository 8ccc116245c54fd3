package parc.routes.agentless;

import java.util.function.Consumer;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.agentless.RemoteCommandRequest;
import parc.orchestrator.agentless.RemoteTarget;

/**
 * The agentless routes: each takes its input from {@link CamelAgentlessGateway} and calls
 * one method of {@link SshAgentlessWork}. Failures are left unhandled so the caller gets
 * the {@link parc.orchestrator.agentless.RemoteAccessException} itself.
 */
@Component
class AgentlessRoutes extends RouteBuilder {

	static final String PROBE = "direct:ssh-probe";

	static final String PULL_INVENTORY = "direct:ssh-pull-inventory";

	static final String WAKE = "direct:wol-wake";

	static final String RUN_COMMAND = "direct:ssh-run-command";

	static final String PULL_FILE = "direct:ssh-pull-file";

	static final String COMMAND_HEADER = "parcCommand";

	static final String LISTENER_HEADER = "parcListener";

	static final String FOLDER_HEADER = "parcFolder";

	static final String MAX_BYTES_HEADER = "parcMaxBytes";

	static final String LOCAL_FILE_HEADER = "parcLocalFile";

	static final String HOST_HEADER = "parcHost";

	static final String PORT_HEADER = "parcPort";

	private final SshAgentlessWork work;

	AgentlessRoutes(SshAgentlessWork work) {
		this.work = work;
	}

	@Override
	public void configure() {
		// @formatter:off
		onException(Exception.class)
			.handled(false);

		from(PROBE).routeId("ssh-probe")
			.process((exchange) -> exchange.getMessage().setBody(this.work.probe(
					exchange.getIn().getHeader(HOST_HEADER, String.class),
					exchange.getIn().getHeader(PORT_HEADER, Integer.class)))).id("ssh-probe-target");

		from(PULL_INVENTORY).routeId("ssh-pull-inventory")
			.process((exchange) -> exchange.getMessage().setBody(this.work.collectInventory(
					exchange.getIn().getBody(RemoteTarget.class)))).id("ssh-collect-inventory");

		from(RUN_COMMAND).routeId("ssh-run-command")
			.process((exchange) -> exchange.getMessage().setBody(this.work.runCommand(
					exchange.getIn().getBody(RemoteTarget.class),
					exchange.getIn().getHeader(COMMAND_HEADER, RemoteCommandRequest.class),
					listener(exchange.getIn().getHeader(LISTENER_HEADER))))).id("ssh-run-on-target");

		from(PULL_FILE).routeId("ssh-pull-file")
			.process((exchange) -> exchange.getMessage().setBody(this.work.pullFirstFile(
					exchange.getIn().getBody(RemoteTarget.class),
					exchange.getIn().getHeader(FOLDER_HEADER, String.class),
					exchange.getIn().getHeader(MAX_BYTES_HEADER, Long.class),
					exchange.getIn().getHeader(LOCAL_FILE_HEADER, java.nio.file.Path.class)))).id("ssh-fetch-first-file");

		from(WAKE).routeId("wol-wake")
			.process((exchange) -> this.work.wake(exchange.getIn().getBody(java.util.List.class))).id("wol-send-packets");
		// @formatter:on
	}

	@SuppressWarnings("unchecked")
	private static Consumer<CommandLine> listener(Object header) {
		return (header instanceof Consumer<?> consumer) ? (Consumer<CommandLine>) consumer : (line) -> {
		};
	}

}
