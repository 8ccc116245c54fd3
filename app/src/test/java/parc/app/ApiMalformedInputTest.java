package parc.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation that {@code /v3/api-docs} publishes, called as an administrator with
 * malformed input: identifiers that do not exist or are not numbers, bodies that are not
 * JSON or not the right JSON, multipart bodies that do not parse, query parameters of the
 * wrong type or outside an enum. Each must answer a 4xx problem document, never a 500.
 * Operations with neither a path parameter nor a body would act for real when called;
 * they are only called with malformed query parameters, when they are GETs.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=true" })
class ApiMalformedInputTest {

	private static final String MISSING_ID = "999999999";

	private static final List<String> BAD_JSON_BODIES = List.of("{", "[[[", "{\"machineIds\": \"x\", \"name\": {}}",
			"\"" + "x".repeat(10_000) + "\"");

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String authorization;

	@Test
	void shouldAnswerEveryMalformedCallWithAProblemDocumentNeverA500() throws Exception {
		String password = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
		JsonNode docs = this.json.readTree(send("GET", "/v3/api-docs", null, null).body());
		List<String> failures = new ArrayList<>();
		int calls = 0;
		int operations = 0;

		for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
				Map.Entry<String, JsonNode> method = methods.next();
				operations++;
				for (Call call : callsFor(path.getKey(), method.getKey().toUpperCase(), method.getValue())) {
					calls++;
					HttpResponse<String> response = send(call.method(), call.path(), call.contentType(), call.body());
					String contentType = response.headers().firstValue("Content-Type").orElse("");
					if (response.statusCode() >= 500
							|| (response.statusCode() >= 400 && !contentType.startsWith("application/problem+json"))) {
						failures.add(call.method() + " " + call.path() + " [" + abbreviate(call.body()) + "] -> "
								+ response.statusCode() + " " + contentType + " " + abbreviate(response.body()));
					}
				}
			}
		}

		assertThat(operations).as("operations published").isGreaterThan(80);
		assertThat(calls).as("malformed calls made").isGreaterThan(operations);
		assertThat(failures).as("calls answered with a 500 or without a problem document").isEmpty();
	}

	/** The documentation's example (docs/api.md, Errors), in both languages. */
	@Test
	void shouldWordARefusalInTheCallersLanguage() throws Exception {
		String password = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
		for (String[] expected : new String[][] { { "fr", "choisissez au moins une machine, ou un groupe" },
				{ "en", "choose at least one machine, or a group" } }) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/deployments"))
				.header("Authorization", this.authorization)
				.header("Content-Type", "application/json")
				.header("Accept-Language", expected[0])
				.POST(HttpRequest.BodyPublishers.ofString("{\"packageId\": 1, \"machineIds\": []}"))
				.build();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode errors = this.json.readTree(response.body()).path("errors");
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).path("field").asText()).isEqualTo("machineIds");
			assertThat(errors.get(0).path("message").asText()).isEqualTo(expected[1]);
		}
	}

	/** The malformed calls one operation receives. */
	private List<Call> callsFor(String template, String method, JsonNode operation) {
		List<Call> calls = new ArrayList<>();
		boolean hasPathParameter = template.contains("{");
		String missing = template.replaceAll("\\{[^}]+}", MISSING_ID);
		JsonNode content = operation.path("requestBody").path("content");
		boolean jsonBody = content.has("application/json");
		boolean multipart = content.has("multipart/form-data");
		if (hasPathParameter && integerPathParameters(operation)) {
			calls.add(new Call(method, template.replaceAll("\\{[^}]+}", "not-a-number"), null, null));
		}
		if (jsonBody) {
			for (String body : BAD_JSON_BODIES) {
				calls.add(new Call(method, missing, "application/json", body));
			}
		}
		if (multipart) {
			calls.add(new Call(method, missing, "multipart/form-data; boundary=parc", "--parc\r\nnot a part"));
			calls.add(new Call(method, missing, "application/json", "{}"));
		}
		if (hasPathParameter && !jsonBody && !multipart) {
			calls.add(new Call(method, missing, null, null));
		}
		if ("GET".equals(method)) {
			for (JsonNode parameter : operation.path("parameters")) {
				if (!"query".equals(parameter.path("in").asText())) {
					continue;
				}
				JsonNode schema = parameter.path("schema");
				String name = parameter.path("name").asText();
				String type = schema.path("type").asText();
				if (schema.has("enum") || schema.path("items").has("enum")) {
					calls.add(new Call(method, missing + "?" + name + "=NOPE", null, null));
				}
				else if ("integer".equals(type) || "number".equals(type)) {
					calls.add(new Call(method, missing + "?" + name + "=abc", null, null));
					calls.add(new Call(method, missing + "?" + name + "=-1", null, null));
				}
			}
		}
		return calls;
	}

	private static boolean integerPathParameters(JsonNode operation) {
		for (JsonNode parameter : operation.path("parameters")) {
			if ("path".equals(parameter.path("in").asText())
					&& "integer".equals(parameter.path("schema").path("type").asText())) {
				return true;
			}
		}
		return false;
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 160) ? text.substring(0, 160) + "…" : text;
	}

	private record Call(String method, String path, String contentType, String body) {
	}

}
