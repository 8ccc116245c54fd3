package parc.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL byte (or another control character) in a query parameter, a JSON string or a
 * console filter: PostgreSQL cannot store or compare it, and every one of these answered
 * 500. Each now answers 400 naming the field, from one check for the whole API and
 * console, against the real database.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=true" })
class ControlCharacterIT {

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	private final ObjectMapper json = new ObjectMapper();

	private String adminPassword;

	private ParcHttpClient api;

	@BeforeEach
	void admin() throws Exception {
		this.api = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	private void assertRefused(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
		assertThat(problem.path("errors").get(0).path("message").asText())
			.isEqualTo("contains a control character, which Parc does not accept");
	}

	@ParameterizedTest
	@CsvSource({ "/api/machines?name=web%00, name", "/api/machines?name=%01web, name", "/api/packages?q=%00, q",
			"/api/groups?name=a%00b, name", "/api/groups/fields/os/values?q=Deb%00ian, q",
			"/api/deployments?page=0&state=%00, state" })
	void shouldRefuseAControlCharacterInAQueryParameterNamingIt(String path, String field) throws Exception {
		assertRefused(this.api.get(path, "admin", this.adminPassword), field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"/api/inventory/search | {\"criteria\":[{\"field\":\"os\",\"operator\":\"EQUAL\",\"value\":\"Deb\\u0000ian\"}]} | criteria[0].value",
			"/api/groups/preview | {\"criteria\":[{\"field\":\"name\",\"operator\":\"EQUALS\",\"value\":\"a\\u0000\"}]} | criteria[0].value",
			"/api/machines | {\"name\":\"x\\u0000y\",\"address\":\"127.0.0.1\",\"osFamily\":\"LINUX\"} | name" })
	void shouldRefuseAControlCharacterInAJsonStringNamingIt(String path, String body, String field) throws Exception {
		assertRefused(this.api.sendJson("POST", path, body, "admin", this.adminPassword), field);
	}

	@ParameterizedTest
	@CsvSource({ "/machines?name=web%00, name", "/packages?q=%00, q", "/groups?name=%00, name" })
	void shouldShowTheConsoleAPageNamingTheField(String path, String field) {
		ParcHttpClient browser = loggedIn();

		HttpResponse<String> page = browser.get(path);

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"bad-request-detail\"")
			.contains("The field “" + field + "” contains a control character");
	}

	private ParcHttpClient loggedIn() {
		ParcHttpClient browser = new ParcHttpClient("http://127.0.0.1:" + this.port);
		assertThat(browser.logInToConsole("admin", this.adminPassword).statusCode()).isEqualTo(302);
		return browser;
	}

}
