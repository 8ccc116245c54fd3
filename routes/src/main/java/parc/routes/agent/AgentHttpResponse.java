package parc.routes.agent;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer to one agent request.
 *
 * @param status HTTP status
 * @param contentType the Content-Type of the body
 * @param body the body, possibly empty
 * @param headers extra headers ({@code WWW-Authenticate})
 */
public record AgentHttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

	/** What the reference server sends with replies; agents ignore it (protocol §1.4). */
	static final String OCS_CONTENT_TYPE = "application/x-compressed";

	static AgentHttpResponse ok(byte[] body) {
		return new AgentHttpResponse(200, OCS_CONTENT_TYPE, body, Map.of());
	}

	static AgentHttpResponse empty() {
		return new AgentHttpResponse(200, OCS_CONTENT_TYPE, new byte[0], Map.of());
	}

	/**
	 * A refusal, with a one-line reason in plain text for whoever reads the agent's log.
	 */
	static AgentHttpResponse refused(int status, String reason) {
		return new AgentHttpResponse(status, "text/plain;charset=UTF-8",
				(reason + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
	}

	AgentHttpResponse withHeader(String name, String value) {
		java.util.Map<String, String> all = new java.util.LinkedHashMap<>(this.headers);
		all.put(name, value);
		return new AgentHttpResponse(this.status, this.contentType, this.body, all);
	}

}
