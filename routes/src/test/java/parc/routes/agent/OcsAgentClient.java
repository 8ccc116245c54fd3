package parc.routes.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.InflaterInputStream;

import parc.ocsagent.testsupport.CapturedAgentPayloads;

/**
 * Speaks to {@code /ocsinventory} as the Unix agent does (protocol §1.2): POST, zlib
 * body, {@code application/x-compress}, the agent's User-Agent. Tests can break any of
 * these on purpose.
 */
final class OcsAgentClient {

	static final String USER_AGENT = "OCS-NG_unified_unix_agent_v2.10.0";

	private final URI endpoint;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	OcsAgentClient(int port) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/ocsinventory");
	}

	Reply post(String xml) {
		return postBytes(CapturedAgentPayloads.zlib(xml), "application/x-compress", null);
	}

	Reply post(String xml, String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return postBytes(CapturedAgentPayloads.zlib(xml), "application/x-compress", "Basic " + token);
	}

	Reply postBytes(byte[] body, String contentType, String authorization) {
		return postAs(USER_AGENT, body, contentType, authorization);
	}

	/** As another agent family would post: its own User-Agent and Content-Type. */
	Reply postAs(String userAgent, byte[] body, String contentType, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(60))
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("WWW-Authenticate").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param status HTTP status
	 * @param body raw reply body
	 * @param challenge the WWW-Authenticate header, or null
	 */
	record Reply(int status, byte[] body, String challenge) {

		/** The reply inflated, as the agent reads it. */
		String xml() {
			try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(this.body))) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Reply is not a zlib stream", ex);
			}
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
