package parc.app;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;
import parc.processes.enginesmokecheck.EngineSmokeCheckVariables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole of Parc in one JVM on the embedded PostgreSQL: HTTP security on every door,
 * the REST contract, the first administrator, Cockpit's login, Camunda timers and
 * Quartz's clustered store.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=true" })
class ParcApplicationTest {

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	UserAccountService accounts;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ProcessEngineConfigurationImpl engineConfiguration;

	@Autowired
	Scheduler scheduler;

	ParcHttpClient http;

	String adminPassword;

	@BeforeEach
	void connect() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	@Test
	void shouldAnswerHealthWithoutLogin() {
		HttpResponse<String> health = this.http.get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void shouldWriteFirstAdministratorPasswordOwnerOnly() throws Exception {
		Path file = this.parc.dataDir().resolve("initial-admin-password");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.adminPassword).hasSize(20).isNotEqualTo("admin");
		assertThat(this.http.get("/api/machines", "admin", this.adminPassword).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/api/machines", "admin", "admin").statusCode()).isEqualTo(401);
	}

	@Test
	void shouldSendConsoleVisitorsToLogin() {
		HttpResponse<String> home = this.http.get("/");

		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location"))
			.hasValueSatisfying((url) -> assertThat(url).endsWith("/login"));
	}

	@Test
	void shouldRegisterReadUpdateAndDeleteMachineOverApi() {
		String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = this.http.sendJson("POST", "/api/machines", """
				{"name":"%s","address":"192.0.2.20","macAddresses":["aa-bb-cc-dd-ee-20"],"osFamily":"LINUX",
				 "channel":"AGENTLESS_SSH","sshUser":"deploy","tags":["api"],"notes":"from a script"}
				""".formatted(name), "admin", this.adminPassword);
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/api/"));

		assertThat(this.http.get("/api/machines?name=" + name, "admin", this.adminPassword).body())
			.contains("\"totalElements\":1")
			.contains("\"macAddresses\":[\"AA:BB:CC:DD:EE:20\"]");
		HttpResponse<String> updated = this.http.sendJson("PUT", path, """
				{"name":"%s","address":"192.0.2.21","osFamily":"LINUX","channel":"OCS_AGENT"}
				""".formatted(name), "admin", this.adminPassword);
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(updated.body()).contains("\"channel\":\"OCS_AGENT\"")
			.contains("\"address\":\"192.0.2.21\"")
			.contains("\"version\":1");
		HttpResponse<String> stale = this.http.sendJson("PUT", path, """
				{"name":"%s","address":"192.0.2.22","osFamily":"LINUX","channel":"OCS_AGENT","version":0}
				""".formatted(name), "admin", this.adminPassword);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(this.http.sendJson("DELETE", path, "", "admin", this.adminPassword).statusCode()).isEqualTo(204);
		assertThat(this.http.get(path, "admin", this.adminPassword).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldAnswerBadMacWithProblemNamingTheField() {
		HttpResponse<String> response = this.http.sendJson("POST", "/api/machines", """
				{"name":"bad-mac","address":"192.0.2.30","macAddresses":["00:11:22:33:44:GG"],
				 "osFamily":"LINUX","channel":"AGENTLESS_SSH"}
				""", "admin", this.adminPassword);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(response.body()).contains("\"field\":\"macAddresses[0]\"").contains("\"status\":400");
	}

	@Test
	void shouldLetReadOnlyUserReadButNotWrite() {
		GeneratedPassword reader = this.accounts
			.create(new NewUserAccount("reader-" + UUID.randomUUID().toString().substring(0, 6), Role.USER));
		String body = """
				{"name":"by-reader","address":"192.0.2.31","osFamily":"LINUX","channel":"AGENTLESS_SSH"}""";

		assertThat(this.http.get("/api/machines", reader.username(), reader.password()).statusCode()).isEqualTo(200);
		for (String[] write : new String[][] { { "POST", "/api/machines" }, { "PUT", "/api/machines/1" },
				{ "DELETE", "/api/machines/1" } }) {
			HttpResponse<String> response = this.http.sendJson(write[0], write[1], body, reader.username(),
					reader.password());
			assertThat(response.statusCode()).as(write[0]).isEqualTo(403);
			assertThat(response.body()).contains("ADMIN role");
		}
		assertThat(this.http.get("/engine-rest/engine", reader.username(), reader.password()).statusCode())
			.isEqualTo(403);
		// Credentials (even without secrets) and pulled diagnostic files are the
		// administrators' alone.
		for (String adminOnly : new String[] { "/api/credentials", "/api/file-pulls", "/api/file-pulls/1/content" }) {
			assertThat(this.http.get(adminOnly, reader.username(), reader.password()).statusCode()).as(adminOnly)
				.isEqualTo(403);
		}
		for (String[] action : new String[][] { { "POST", "/api/machines/1/probe" },
				{ "POST", "/api/machines/1/inventory/collect" }, { "POST", "/api/quick-actions/runs" },
				{ "POST", "/api/machines/1/wake" }, { "POST", "/api/machines/1/file-pulls" },
				{ "POST", "/api/deployments" }, { "POST", "/api/deployments/1/pause" },
				{ "POST", "/api/deployments/1/resume" }, { "POST", "/api/deployments/1/stop" },
				{ "POST", "/api/deployments/1/retry" } }) {
			assertThat(
					this.http.sendJson(action[0], action[1], "{}", reader.username(), reader.password()).statusCode())
				.as(action[1])
				.isEqualTo(403);
		}
	}

	@Test
	void shouldLetReadOnlyUserSearchInventoriesButNotChangeSettings() {
		GeneratedPassword reader = this.accounts
			.create(new NewUserAccount("searcher-" + UUID.randomUUID().toString().substring(0, 6), Role.USER));
		String search = """
				{"criteria":[{"field":"os","operator":"EQUAL","value":"Debian*"}],"size":10}""";

		HttpResponse<String> found = this.http.sendJson("POST", "/api/inventory/search", search, reader.username(),
				reader.password());
		HttpResponse<String> exported = this.http.sendJson("POST", "/api/inventory/export", search, reader.username(),
				reader.password());

		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		assertThat(found.body()).contains("\"totalElements\"");
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.body()).startsWith("name,channel,os");
		assertThat(this.http.get("/api/settings/agents", reader.username(), reader.password()).statusCode())
			.isEqualTo(403);
		assertThat(this.http.sendJson("PUT", "/api/settings/inventory", "{}", reader.username(), reader.password())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldAnswerRefusedSearchWithProblemNamingTheCriterion() {
		HttpResponse<String> refused = this.http.sendJson("POST", "/api/inventory/search", """
				{"criteria":[{"field":"memory","operator":"LESS","value":"lots"}]}""", "admin", this.adminPassword);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Criterion 1: 'lots' is not a number");
	}

	@Test
	void shouldLockAnAccountAfterRepeatedWrongPasswordsOnEveryDoor() {
		GeneratedPassword target = this.accounts
			.create(new NewUserAccount("target-" + UUID.randomUUID().toString().substring(0, 6), Role.USER));
		GeneratedPassword bystander = this.accounts
			.create(new NewUserAccount("bystander-" + UUID.randomUUID().toString().substring(0, 6), Role.USER));

		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(this.http.get("/api/machines", target.username(), "guess-" + attempt).statusCode())
				.isEqualTo(401);
		}

		assertThat(this.http.get("/api/machines", target.username(), target.password()).statusCode())
			.as("the right password during the lock")
			.isEqualTo(401);
		assertThat(this.accounts.checkPassword(target.username(), target.password()))
			.as("Camunda's login path during the lock")
			.isFalse();
		assertThat(this.http.get("/api/machines", bystander.username(), bystander.password()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldLetReadOnlyUserChangeOwnPasswordButNothingElseInConsole() {
		GeneratedPassword reader = this.accounts
			.create(new NewUserAccount("console-" + UUID.randomUUID().toString().substring(0, 6), Role.USER));
		String loginToken = csrfToken(this.http.get("/login").body());
		HttpResponse<String> login = this.http.postForm("/login",
				"username=" + reader.username() + "&password=" + reader.password() + "&_csrf=" + loginToken, "Accept",
				"text/html");
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((url) -> assertThat(url).doesNotContain("error"));
		String token = csrfToken(this.http.get("/account").body());

		HttpResponse<String> changed = this.http.postForm("/account/password",
				"currentPassword=" + reader.password()
						+ "&newPassword=correct+horse+battery&confirmPassword=correct+horse+battery&_csrf=" + token,
				"Accept", "text/html");
		HttpResponse<String> machineForm = this.http.postForm("/machines/new",
				"name=sneaky&address=192.0.2.50&osFamily=LINUX&channel=AGENTLESS_SSH&_csrf=" + token, "Accept",
				"text/html");

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(this.accounts.checkPassword(reader.username(), "correct horse battery")).isTrue();
		assertThat(machineForm.statusCode()).isEqualTo(403);
	}

	private static String csrfToken(String html) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	@Test
	void shouldRequireCredentialsOnApiAndEngineRest() {
		assertThat(this.http.get("/api/machines").statusCode()).isEqualTo(401);
		assertThat(this.http.get("/api/machines").headers().firstValue("WWW-Authenticate"))
			.contains("Basic realm=\"Parc\"");
		assertThat(this.http.get("/engine-rest/engine").statusCode()).isEqualTo(401);
		assertThat(this.http.get("/engine-rest/engine", "admin", this.adminPassword).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldDescribeTheApiWithOpenApi() {
		HttpResponse<String> description = this.http.get("/v3/api-docs");

		assertThat(description.statusCode()).isEqualTo(200);
		assertThat(description.body()).contains("\"/api/machines\"").contains("\"/api/machines/{id}\"");
	}

	@Test
	void shouldLogParcAccountsIntoCockpit() {
		assertThat(this.http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		String xsrf = this.http.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		String loginPath = "/camunda/api/admin/auth/user/default/login/cockpit";

		HttpResponse<String> wrong = this.http.postForm(loginPath, "username=admin&password=wrong", "X-XSRF-TOKEN",
				xsrf);
		HttpResponse<String> right = this.http.postForm(loginPath, "username=admin&password=" + this.adminPassword,
				"X-XSRF-TOKEN", xsrf);

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(right.statusCode()).isEqualTo(200);
		assertThat(right.body()).contains("\"userId\":\"admin\"").contains("cockpit").contains("admin");
	}

	@Test
	void shouldKeepAuditHistoryOnANewDatabase() {
		assertThat(this.engineConfiguration.getHistoryLevel().getName()).isEqualTo("audit");
	}

	@Test
	void shouldFireTimersFromPostgresWithTheJobExecutor() {
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(EngineSmokeCheckVariables.PROCESS_KEY,
				Map.of(EngineSmokeCheckVariables.DELAY, "PT1S"));

		assertThat(instance.isEnded()).isFalse();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId())
				.finished()
				.count()).isEqualTo(1));
	}

	@Test
	void shouldRunQuartzOnTheClusteredJdbcStore() throws Exception {
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(this.scheduler.isStarted()).isTrue();
	}

}
