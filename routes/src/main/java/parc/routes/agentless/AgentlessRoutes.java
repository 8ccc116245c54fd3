package parc.routes.agentless;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

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
					exchange.getIn().getBody(parc.orchestrator.agentless.RemoteTarget.class)))).id("ssh-collect-inventory");

		from(WAKE).routeId("wol-wake")
			.process((exchange) -> this.work.wake(exchange.getIn().getBody(java.util.List.class))).id("wol-send-packets");
		// @formatter:on
	}

}
