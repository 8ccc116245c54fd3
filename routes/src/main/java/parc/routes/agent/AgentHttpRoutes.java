package parc.routes.agent;

import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import parc.orchestrator.system.database.DatabaseAvailability;
import parc.orchestrator.system.database.DatabaseUnavailableResponses;

/**
 * {@code POST /ocsinventory}, the URL OCS agents are pointed at. The route only moves
 * bytes between HTTP and {@link AgentRequestHandler}. Streaming on and stream caching off
 * keep Camel from reading the body first (as text, through a Reader, which would corrupt
 * zlib), so the handler's size cap applies to what is read off the socket.
 */
@Component
@EnableConfigurationProperties(AgentEndpointProperties.class)
class AgentHttpRoutes extends RouteBuilder {

	static final String ROUTE_ID = "agent-http-receive";

	static final String LABEL_ROUTE_ID = "agent-http-label";

	private final AgentRequestHandler handler;

	private final DatabaseAvailability database;

	AgentHttpRoutes(AgentRequestHandler handler, DatabaseAvailability database) {
		this.handler = handler;
		this.database = database;
	}

	@Override
	public void configure() {
		// @formatter:off
		// PostgreSQL out of reach (or every connection busy): the agent is told to come back, not that Parc broke.
		onException(Exception.class)
			// While the policy is chosen the failure is still the exchange's exception, not yet EXCEPTION_CAUGHT.
			.onWhen((exchange) -> exchange.getException() != null && this.database.report(exchange.getException()))
			.handled(true)
			.setHeader(Exchange.HTTP_RESPONSE_CODE, constant(503))
			.setHeader("Retry-After", constant(DatabaseUnavailableResponses.RETRY_AFTER_SECONDS))
			.setHeader(Exchange.CONTENT_TYPE, constant("text/plain;charset=UTF-8"))
			.setBody(constant("Parc's database is unavailable; nothing was stored. Try again later.\n"));

		onException(Exception.class)
			.handled(true)
			// With its stack trace: a message alone (often empty) does not say where it broke.
			.process((exchange) -> LoggerFactory.getLogger(AgentHttpRoutes.class)
				.error("Agent request failed", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
			.setHeader(Exchange.HTTP_RESPONSE_CODE, constant(500))
			.setHeader(Exchange.CONTENT_TYPE, constant("text/plain;charset=UTF-8"))
			.setBody(constant("Parc could not handle the request; nothing was stored.\n"));

		from("platform-http:{{parc.agent.path:/ocsinventory}}?httpMethodRestrict=POST&useStreaming=true")
			.routeId(ROUTE_ID)
			.noStreamCaching()
			.process(this::handle).id("agent-http-handle");

		// Windows agents show this text as the prompt when they ask the user for a TAG (protocol §6.2).
		from("platform-http:{{parc.agent.path:/ocsinventory}}/deploy/label?httpMethodRestrict=GET")
			.routeId(LABEL_ROUTE_ID)
			.process(this::label).id("agent-http-label-answer");
		// @formatter:on
	}

	private void label(Exchange exchange) {
		Message out = exchange.getMessage();
		out.removeHeaders("*");
		out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
		out.setHeader(Exchange.CONTENT_TYPE, "application/octet-stream");
		out.setBody(this.handler.tagLabel().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private void handle(Exchange exchange) throws Exception {
		HttpServletRequest servlet = exchange.getIn(PlatformHttpMessage.class).getRequest();
		AgentHttpRequest request = new AgentHttpRequest(servlet.getRemoteAddr(), servlet.getContentType(),
				servlet.getContentLengthLong(), servlet.getHeader("Authorization"), servlet.getHeader("User-Agent"),
				exchange.getIn().getBody(InputStream.class), servlet.getHeader("Host"));
		AgentHttpResponse response = this.handler.handle(request);
		Message out = exchange.getMessage();
		out.removeHeaders("*");
		out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
		out.setHeader(Exchange.CONTENT_TYPE, response.contentType());
		out.setHeader("Cache-Control", "no-cache");
		response.headers().forEach(out::setHeader);
		out.setBody(response.body());
	}

}
