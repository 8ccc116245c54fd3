package parc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain JDK HTTP client against a running Parc, as scripts and acceptance checks use
 * it: HTTP Basic, JSON bodies, cookies kept between calls (for the Camunda webapp login).
 * No redirects followed, so tests see them.
 */
final class ParcHttpClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	ParcHttpClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	CookieManager cookies() {
		return this.cookies;
	}

	HttpResponse<String> get(String path, String user, String password) {
		return send(request(path, user, password).GET());
	}

	HttpResponse<String> get(String path) {
		return get(path, null, null);
	}

	/**
	 * Signs in to the console as a browser does: the login form, its CSRF token, the form
	 * posted. The session cookie stays with this client.
	 * @return the answer to the form (302 when signed in)
	 */
	HttpResponse<String> logInToConsole(String user, String password) {
		Matcher token = CSRF.matcher(get("/login").body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		return postForm("/login",
				"username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
						+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1),
				"Accept", "text/html");
	}

	/** A console page as a browser asks for it, in {@code language}. */
	HttpResponse<String> getPage(String path, String language) {
		return send(request(path, null, null).header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", language)
			.GET());
	}

	HttpResponse<String> sendJson(String method, String path, String json, String user, String password) {
		return send(request(path, user, password).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	/** One part of a multipart/form-data body. */
	record Part(String name, String filename, String contentType, byte[] content) {

	}

	/**
	 * A multipart/form-data POST, as a browser's file upload or {@code curl -F} sends it.
	 */
	HttpResponse<String> postMultipart(String path, java.util.List<Part> parts, String user, String password) {
		String boundary = "parc-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--").append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(part.name())
				.append('"');
			if (part.filename() != null) {
				head.append("; filename=\"").append(part.filename()).append('"');
			}
			head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
			body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path, user, password).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A POST as an OCS agent makes it: raw bytes, {@code application/x-compress}. */
	HttpResponse<byte[]> postAgentBody(String path, byte[] body) {
		return postAgentBody(path, body, "OCS-NG_unified_unix_agent_v2.10.0", "application/x-compress");
	}

	/** As another agent family posts: its own User-Agent and Content-Type. */
	HttpResponse<byte[]> postAgentBody(String path, byte[] body, String userAgent, String contentType) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> postForm(String path, String form, String headerName, String headerValue) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(headerName, headerValue)
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(String path, String user, String password) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + token);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
