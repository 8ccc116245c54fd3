package parc.routes.agent;

import java.io.InputStream;

/**
 * What the agent endpoint needs of one HTTP request.
 *
 * @param remoteAddress the TCP peer's IP address
 * @param contentType the Content-Type header, or null
 * @param contentLength the declared body length, or -1 when not declared (chunked)
 * @param authorization the Authorization header, or null
 * @param userAgent the User-Agent header, or null
 * @param body the request body, not yet read
 */
public record AgentHttpRequest(String remoteAddress, String contentType, long contentLength, String authorization,
		String userAgent, InputStream body, String host) {

	/** Without a Host header. */
	public AgentHttpRequest(String remoteAddress, String contentType, long contentLength, String authorization,
			String userAgent, InputStream body) {
		this(remoteAddress, contentType, contentLength, authorization, userAgent, body, null);
	}

}
