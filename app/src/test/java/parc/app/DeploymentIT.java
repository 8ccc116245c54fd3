package parc.app;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deployment through Parc's public API on a real OpenSSH server, job executor running
 * (issue #6, must-show 2): the package's script writes a marker with its arguments, the
 * working folder is deleted, the machine is DONE and its log holds the commands and their
 * output; a script that exits 3 fails the machine during execute after its attempts.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=false" })
class DeploymentIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	private final ObjectMapper json = new ObjectMapper();

	private ParcHttpClient http;

	private String adminPassword;

	private long machineId;

	private long credentialId;

	private String machineName;

	private final List<String> created = new ArrayList<>();

	@BeforeEach
	void agentlessMachine() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long credential = call("POST", "/api/credentials",
				this.json.writeValueAsString(java.util.Map.of("name", "deploy key " + suffix, "type", "SSH_KEY",
						"username", sshd.server().user(), "privateKey", sshd.server().clientKey())),
				201)
			.path("id")
			.asLong();
		this.machineId = call("POST", "/api/machines", """
				{"name": "deploy-%s", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
				""".formatted(suffix, sshd.server().port(), sshd.server().user(), credential), 201).path("id").asLong();
		this.machineName = "deploy-" + suffix;
		this.credentialId = credential;
		this.created.add("/api/machines/" + this.machineId);
		this.created.add("/api/credentials/" + credential);
	}

	@AfterEach
	void removeWhatWasMade() {
		this.created.forEach((path) -> this.http.sendJson("DELETE", path, "", "admin", this.adminPassword));
	}

	private long markerPackage(String script) throws Exception {
		return markerPackage(script, "sh ./install.sh");
	}

	private long markerPackage(String script, String command) throws Exception {
		byte[] blob = new byte[1024 * 1024];
		new Random(6).nextBytes(blob);
		String metadata = this.json
			.writeValueAsString(java.util.Map.of("label", "marker " + UUID.randomUUID().toString().substring(0, 6),
					"version", "1", "command", command, "osFamily", "LINUX", "needsReboot", false));
		HttpResponse<String> response = this.http.postMultipart("/api/packages", List.of(
				new ParcHttpClient.Part("metadata", null, "application/json",
						metadata.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "install.sh", "text/x-sh", script.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "blob.bin", "application/octet-stream", blob)), "admin",
				this.adminPassword);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body()).path("id").asLong();
	}

	private JsonNode waitUntilFinished(long deploymentId) throws Exception {
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !List.of("IN_PROGRESS", "PAUSED")
				.contains(call("GET", "/api/deployments/" + deploymentId, null, 200).path("state").asText()));
		return call("GET", "/api/deployments/" + deploymentId, null, 200);
	}

	@Test
	void shouldInstallWithTheArgumentsDeleteTheFolderAndLogEverything() throws Exception {
		long pkg = markerPackage("#!/bin/sh\necho \"installing with $#: $*\"\n"
				+ "printf '%s|' \"$@\" > ../marker-$(basename $(pwd))\necho warning >&2\n");

		JsonNode deployment = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d],
				 "options": {"parameters": ["--quiet", "a b", "$(touch pwned)"], "wol": false}}
				""".formatted(pkg, this.machineId), 201);
		long id = deployment.path("id").asLong();
		assertThat(deployment.path("targets").get(0).path("machineId").asLong()).isEqualTo(this.machineId);
		assertThat(deployment.path("options").path("attempts").asInt()).as("Pulse 2's default").isEqualTo(3);

		JsonNode finished = waitUntilFinished(id);
		assertThat(finished.path("state").asText()).isEqualTo("DONE");
		JsonNode target = finished.path("targets").get(0);
		assertThat(target.path("state").asText()).isEqualTo("DONE");
		assertThat(target.path("phases").path("TRANSFER").asText()).isEqualTo("DONE");
		assertThat(target.path("phases").path("EXECUTE").asText()).isEqualTo("DONE");
		assertThat(target.path("phases").path("DELETE").asText()).isEqualTo("DONE");
		assertThat(target.path("phases").has("WOL")).isFalse();

		Path work = sshd.server().home().resolve(".parc/work");
		assertThat(work.resolve("marker-deployment-" + id)).hasContent("--quiet|a b|$(touch pwned)|");
		assertThat(work.resolve("deployment-" + id)).doesNotExist();
		assertThat(work.resolve("deployment-" + id + "/pwned")).doesNotExist();

		JsonNode log = call("GET", "/api/deployments/" + id + "/targets/" + this.machineId + "/log", null, 200);
		List<String> lines = new ArrayList<>();
		log.forEach((line) -> lines.add(line.path("kind").asText() + " " + line.path("text").asText()));
		assertThat(lines)
			.contains("COMMAND sh ./install.sh --quiet a b $(touch pwned)",
					"OUT installing with 3: --quiet a b $(touch pwned)", "ERR warning", "INFO exit code 0",
					"COMMAND delete ~/.parc/work/deployment-" + id)
			.anySatisfy((line) -> assertThat(line).startsWith("COMMAND push "))
			.anySatisfy((line) -> assertThat(line).contains("2 file(s) verified on the target"));
		assertThat(log.get(0).path("at").asText()).isNotBlank();

		HttpResponse<String> csv = this.http.get("/api/deployments/" + id + "/report.csv", "admin", this.adminPassword);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("category,phase,machines,percent").contains("DONE,,1,100.0");

		assertThat(call("POST", "/api/deployments/" + id + "/pause", "", 409).path("detail").asText())
			.contains("nothing to pause");
	}

	/**
	 * The command the documentation and the package form suggest, on files uploaded one
	 * by one: an upload carries no mode, so the file the command names is made executable
	 * on the machine (it failed with exit status 126 before).
	 */
	@Test
	void shouldRunTheDocumentedDotSlashCommandOfAnUploadedScript() throws Exception {
		long pkg = markerPackage("#!/bin/sh\necho \"run directly with $1\"\n", "./install.sh");

		long id = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"parameters": ["--quiet"], "wol": false}}
				""".formatted(pkg, this.machineId), 201).path("id").asLong();

		JsonNode finished = waitUntilFinished(id);
		JsonNode log = call("GET", "/api/deployments/" + id + "/targets/" + this.machineId + "/log", null, 200);
		List<String> lines = new ArrayList<>();
		log.forEach((line) -> lines.add(line.path("kind").asText() + " " + line.path("text").asText()));
		assertThat(finished.path("state").asText()).as(String.join("\n", lines)).isEqualTo("DONE");
		assertThat(lines).contains("COMMAND ./install.sh --quiet", "OUT run directly with --quiet", "INFO exit code 0");
	}

	/**
	 * Issue #7, must-show 4: a dynamic group is resolved when the deployment is launched,
	 * and a machine that joins the group afterwards is not added to it.
	 */
	@Test
	void shouldDeployToTheMembersADynamicGroupHadAtLaunch() throws Exception {
		JsonNode fields = call("GET", "/api/groups/fields", null, 200);
		List<String> keys = new ArrayList<>();
		fields.forEach((field) -> keys.add(field.path("key").asText()));
		assertThat(keys).contains("name", "osFamily", "os", "software", "tag", "group");

		String criteria = """
				[{"field": "name", "operator": "EQUALS", "value": "%s*"},
				 {"field": "osFamily", "operator": "EQUALS", "value": "LINUX"}]""".formatted(this.machineName);
		JsonNode refused = call("POST", "/api/groups", """
				{"name": "%s", "type": "DYNAMIC", "criteria": %s, "expression": "AND(1, OR(2)"}
				""".formatted(this.machineName, criteria), 400);
		assertThat(refused.path("position").asInt()).isEqualTo(13);
		JsonNode group = call("POST", "/api/groups", """
				{"name": "%s", "type": "DYNAMIC", "machineIds": [], "criteria": %s, "expression": "AND(1, 2)",
				 "mode": "QUERY", "visible": false}
				""".formatted(this.machineName, criteria), 201);
		long groupId = group.path("id").asLong();
		this.created.add(0, "/api/groups/" + groupId);
		long pkg = markerPackage("#!/bin/sh\necho group\n");

		JsonNode deployment = call("POST", "/api/deployments", """
				{"packageId": %d, "groupId": %d, "options": {"wol": false}}
				""".formatted(pkg, groupId), 201);
		long late = call("POST", "/api/machines", """
				{"name": "%s-late", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
				""".formatted(this.machineName, sshd.server().port(), sshd.server().user(), this.credentialId), 201)
			.path("id")
			.asLong();
		this.created.add(1, "/api/machines/" + late);

		JsonNode members = call("GET", "/api/groups/" + groupId + "/members", null, 200);
		assertThat(members.path("totalElements").asInt()).isEqualTo(2);
		assertThat(members.path("content").get(0).path("id").asLong()).isEqualTo(this.machineId);
		JsonNode finished = waitUntilFinished(deployment.path("id").asLong());
		assertThat(finished.path("state").asText()).isEqualTo("DONE");
		assertThat(finished.path("groupName").asText()).isEqualTo(this.machineName);
		assertThat(finished.path("targets")).hasSize(1);
		assertThat(finished.path("targets").get(0).path("machineId").asLong()).isEqualTo(this.machineId);
		JsonNode history = call("GET", "/api/groups/" + groupId + "/deployments", null, 200);
		assertThat(history.path("content").get(0).path("id").asLong()).isEqualTo(deployment.path("id").asLong());
	}

	@Test
	void shouldFailDuringExecuteAfterTheAttemptsWhenTheScriptExitsThree() throws Exception {
		long pkg = markerPackage("#!/bin/sh\necho broken >&2\nexit 3\n");

		long id = call("POST", "/api/deployments",
				"""
						{"packageId": %d, "machineIds": [%d], "options": {"wol": false, "attempts": 2, "attemptDelayMinutes": 0}}
						"""
					.formatted(pkg, this.machineId),
				201)
			.path("id")
			.asLong();

		JsonNode finished = waitUntilFinished(id);
		assertThat(finished.path("state").asText()).isEqualTo("FAILED");
		JsonNode target = finished.path("targets").get(0);
		assertThat(target.path("state").asText()).isEqualTo("FAILED");
		assertThat(target.path("failedPhase").asText()).isEqualTo("EXECUTE");
		assertThat(target.path("detail").asText()).isEqualTo("failed during execute: exit status 3");
		assertThat(target.path("phases").path("DELETE").asText()).isEqualTo("NOT_STARTED");
		List<String> lines = new ArrayList<>();
		call("GET", "/api/deployments/" + id + "/targets/" + this.machineId + "/log", null, 200)
			.forEach((line) -> lines.add(line.path("text").asText()));
		assertThat(lines).filteredOn("exit code 3"::equals).hasSize(2);
		assertThat(lines).contains("broken", "execute attempt 2: FAILED (exit status 3)");
	}

	@Test
	void shouldRefuseMalformedOptionsNamingTheField() throws Exception {
		long pkg = markerPackage("#!/bin/sh\ntrue\n");

		JsonNode problem = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"intervals": "3:00-5:00,25-26"}}
				""".formatted(pkg, this.machineId), 400);

		assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("options.intervals");
		assertThat(problem.path("errors").get(0).path("message").asText()).contains("interval 2");
		assertThat(call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": []}
				""".formatted(pkg), 400).path("errors").get(0).path("field").asText()).isEqualTo("machineIds");
		call("GET", "/api/deployments/987654321", null, 404);
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.adminPassword)
				: this.http.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

}
