package parc.app;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
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

import org.camunda.bpm.engine.impl.util.ClockUtil;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.teledeployment.AgentDownloadSettings;
import parc.orchestrator.teledeployment.DeployServerService;
import parc.orchestrator.teledeployment.TeledeploymentService;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Packages delivered through the real Debian OCS agent 2.10, by {@code POST
 * /api/deployments} like any other deployment: Parc builds the package for agents, its
 * download server serves {@code info} over HTTPS with Parc's own CA and the fragments
 * over HTTP, the agent runs it and reports, and the machine ends DONE with the agent's
 * code.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=false" })
class TeledeploymentIT {

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	TeledeploymentService teledeployment;

	@Autowired
	DeploymentService deployments;

	@Autowired
	DeployServerService deployServer;

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	private final ObjectMapper json = new ObjectMapper();

	private ParcHttpClient http;

	private String adminPassword;

	private RealOcsAgent agent;

	private Path work;

	private final List<String> created = new ArrayList<>();

	private final List<Long> deployed = new ArrayList<>();

	@BeforeEach
	void agentWithFastDownloads() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		// Protocol §4.5: with 1 s latencies a one-fragment package takes seconds, not
		// minutes.
		this.teledeployment.updateSettings(new AgentDownloadSettings(true, 1, 1, 1, 10, 30, 120));
		this.work = Files.createTempDirectory("parc-teledeploy-");
		this.agent = new RealOcsAgent(this.port, this.work.resolve("agent"));
	}

	@AfterEach
	void stopTheAgentAndClean() {
		this.agent.stopDownloadWorkers();
		// Every test shares this host's agent machine: nothing it left must be offered to
		// the next one.
		this.deployed.forEach((id) -> this.http.sendJson("POST", "/api/deployments/" + id + "/stop", "", "admin",
				this.adminPassword));
		this.teledeployment.updateSettings(AgentDownloadSettings.defaults());
		this.created.forEach((path) -> this.http.sendJson("DELETE", path, "", "admin", this.adminPassword));
	}

	@Test
	void shouldRunAnExecutePackageWithItsTwoArgumentsThroughTheAgent() throws Exception {
		long machineId = agentMachine();
		Path marker = this.work.resolve("marker");
		long pkg = packageWithScript("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" \"$2\" > '" + marker + "'\n",
				"sh install.sh", Map.of("priority", 1));

		JsonNode deployment = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d],
				 "options": {"parameters": ["first arg", "it's \\"two\\" $(id)"], "wol": false,
				             "inventoryAfter": true}}
				""".formatted(pkg, machineId), 201);
		long id = deployment.path("id").asLong();
		this.deployed.add(id);
		awaitTargetState(id, "WAITING_FOR_AGENT");

		RealOcsAgent.Run run = this.agent.run("--nosoftware", "--ca=" + caFile());

		assertThat(run.exitCode()).as(run.log()).isZero();
		assertThat(run.log()).contains("TYPE=\"PACK\"").contains("FORCE=\"0\"");
		// Then the agent's next inventory, asked for at its next contact.
		awaitTargetState(id, "INVENTORY_IN_PROGRESS");
		RealOcsAgent.Run next = this.agent.run("--nosoftware", "--ca=" + caFile());
		assertThat(next.log()).contains("<RESPONSE>SEND</RESPONSE>");
		JsonNode target = awaitTargetState(id, "DONE");
		assertThat(target.path("phases").path("INVENTORY").asText()).isEqualTo("DONE");
		assertThat(target.path("agentResult").asText()).isEqualTo("SUCCESS");
		assertThat(target.path("phases").path("DELIVER").asText()).isEqualTo("DONE");
		assertThat(call("GET", "/api/deployments/" + id, null, 200).path("state").asText()).isEqualTo("DONE");
		assertThat(Files.readAllLines(marker)).containsExactly("2", "first arg", "it's \"two\" $(id)");
	}

	@Test
	void shouldRunACommandOnlyPackageWithoutFragments() throws Exception {
		long machineId = agentMachine();
		Path marker = this.work.resolve("command-only");
		long pkg = packageWithoutFiles("echo ran > '" + marker + "'", Map.of("priority", 1));

		long id = deploy(pkg, machineId, "");
		awaitTargetState(id, "WAITING_FOR_AGENT");
		this.agent.run("--nosoftware", "--ca=" + caFile());

		JsonNode target = awaitTargetState(id, "DONE");
		assertThat(target.path("agentResult").asText()).isEqualTo("SUCCESS");
		assertThat(Files.readString(marker).trim()).isEqualTo("ran");
	}

	@Test
	void shouldReportALaunchedFilesExitCodeAndStoreFilesIntoAFolder() throws Exception {
		long machineId = agentMachine();
		long launch = packageWithScript("#!/bin/sh\nexit 3\n", "true",
				Map.of("priority", 1, "action", "LAUNCH", "launch", "install.sh"));
		Path store = this.work.resolve("stored/here");
		long stored = packageWithScript("kept as is\n", "true",
				Map.of("priority", 1, "action", "STORE", "storePath", store.toString()));

		long launched = deploy(launch, machineId, "");
		long copied = deploy(stored, machineId, "");
		awaitTargetState(launched, "WAITING_FOR_AGENT");
		awaitTargetState(copied, "WAITING_FOR_AGENT");
		this.agent.run("--nosoftware", "--ca=" + caFile());

		assertThat(awaitTargetState(launched, "DONE").path("agentResult").asText()).isEqualTo("SUCCESS_3");
		assertThat(awaitTargetState(copied, "DONE").path("agentResult").asText()).isEqualTo("SUCCESS");
		assertThat(Files.readString(store.resolve("install.sh"))).isEqualTo("kept as is\n");
	}

	@Test
	void shouldFailWithErrDownloadInfoWhenTheAgentDoesNotTrustTheCa() throws Exception {
		long machineId = agentMachine();
		long pkg = packageWithoutFiles("true", Map.of("priority", 1));

		long id = deploy(pkg, machineId, ", \"attempts\": 1");
		awaitTargetState(id, "WAITING_FOR_AGENT");
		this.agent.run("--nosoftware");

		JsonNode target = awaitTargetState(id, "FAILED");
		assertThat(target.path("agentResult").asText()).isEqualTo("ERR_DOWNLOAD_INFO");
		assertThat(target.path("failedPhase").asText()).isEqualTo("DELIVER");
	}

	@Test
	void shouldRetryABadDigestAfterTheDelayAndFinishOnceTheFragmentIsRight() throws Exception {
		long machineId = agentMachine();
		Path marker = this.work.resolve("digest-marker");
		long pkg = packageWithScript("#!/bin/sh\necho ok > '" + marker + "'\n", "sh install.sh", Map.of("priority", 1));
		long id = deploy(pkg, machineId, ", \"attempts\": 2, \"attemptDelayMinutes\": 1");
		awaitTargetState(id, "WAITING_FOR_AGENT");
		// The test hook: one byte of the first fragment changed on the download server.
		Path fragment = onlyFragment();
		byte[] good = Files.readAllBytes(fragment);
		byte[] bad = good.clone();
		bad[bad.length / 2] ^= 0x55;
		Files.write(fragment, bad);

		this.agent.run("--nosoftware", "--ca=" + caFile());

		JsonNode waiting = awaitTargetState(id, "RESCHEDULED");
		assertThat(waiting.path("agentResult").asText()).isEqualTo("ERR_BAD_DIGEST");
		assertThat(waiting.path("rescheduleReason").asText()).isEqualTo("PHASE_FAILED");
		assertThat(marker).doesNotExist();
		Files.write(fragment, good);

		awaitTargetState(id, "WAITING_FOR_AGENT");
		this.agent.run("--nosoftware", "--ca=" + caFile());

		assertThat(awaitTargetState(id, "DONE").path("agentResult").asText()).isEqualTo("SUCCESS");
		assertThat(marker).exists();
	}

	@Test
	void shouldNotOfferAgainAPackageTheAgentsHistoryHolds() throws Exception {
		long machineId = agentMachine();
		Path marker = this.work.resolve("counter");
		long pkg = packageWithoutFiles("echo run >> '" + marker + "'", Map.of("priority", 1));
		long first = deploy(pkg, machineId, "");
		awaitTargetState(first, "WAITING_FOR_AGENT");
		this.agent.run("--nosoftware", "--ca=" + caFile());
		awaitTargetState(first, "DONE");
		// The next inventory carries DOWNLOAD/HISTORY with the package's id.
		this.agent.run("--nosoftware", "--ca=" + caFile());

		long second = deploy(pkg, machineId, "");
		JsonNode target = awaitTargetState(second, "DONE");
		RealOcsAgent.Run after = this.agent.run("--nosoftware", "--ca=" + caFile());

		assertThat(target.path("agentResult").asText()).isEqualTo("SUCCESS_ALREADY_IN_HISTORY");
		assertThat(after.log()).doesNotContain("TYPE=\"PACK\"");
		assertThat(Files.readAllLines(marker)).containsExactly("run");
	}

	@Test
	void shouldOfferNothingOutsideTheIntervalThenOfferOnceTheEngineClockIsInside() throws Exception {
		long machineId = agentMachine();
		Path marker = this.work.resolve("in-window");
		long pkg = packageWithoutFiles("echo ok > '" + marker + "'", Map.of("priority", 1));
		int hour = ZonedDateTime.now(this.deployments.zone()).getHour();
		String interval = ((hour + 2) % 24) + "-" + ((hour + 3) % 24);
		long id = deploy(pkg, machineId, ", \"intervals\": \"" + interval + "\"");
		JsonNode waiting = awaitTargetState(id, "RESCHEDULED");
		assertThat(waiting.path("rescheduleReason").asText()).isEqualTo("OUTSIDE_WINDOW");

		RealOcsAgent.Run outside = this.agent.run("--nosoftware", "--ca=" + caFile());

		assertThat(outside.log()).doesNotContain("TYPE=\"PACK\"");
		Instant opening = Instant.parse(waiting.path("nextAttemptAt").asText());
		ClockUtil.setCurrentTime(Date.from(opening.plusSeconds(60)));
		try {
			awaitTargetState(id, "WAITING_FOR_AGENT");
			RealOcsAgent.Run inside = this.agent.run("--nosoftware", "--ca=" + caFile());

			assertThat(inside.log()).contains("TYPE=\"PACK\"");
			assertThat(awaitTargetState(id, "DONE").path("agentResult").asText()).isEqualTo("SUCCESS");
			assertThat(marker).exists();
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	void shouldDeployOnePackageToAGroupOfAnAgentMachineAndAnAgentlessOne() throws Exception {
		long agentMachineId = agentMachine();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long credential = call("POST", "/api/credentials",
				this.json.writeValueAsString(Map.of("name", "mixed key " + suffix, "type", "SSH_KEY", "username",
						sshd.server().user(), "privateKey", sshd.server().clientKey())),
				201)
			.path("id")
			.asLong();
		this.created.add("/api/credentials/" + credential);
		long agentless = call("POST", "/api/machines", """
				{"name": "mixed-%s", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
				""".formatted(suffix, sshd.server().port(), sshd.server().user(), credential), 201).path("id").asLong();
		this.created.add(0, "/api/machines/" + agentless);
		long group = call("POST", "/api/groups", """
				{"name": "mixed %s", "type": "STATIC", "machineIds": [%d, %d]}
				""".formatted(suffix, agentMachineId, agentless), 201).path("id").asLong();
		this.created.add(0, "/api/groups/" + group);
		long pkg = packageWithScript("#!/bin/sh\necho \"$1\" > marker\n", "sh install.sh", Map.of("priority", 1));

		long id = call("POST", "/api/deployments", """
				{"packageId": %d, "groupId": %d, "options": {"wol": false, "parameters": ["both"]}}
				""".formatted(pkg, group), 201).path("id").asLong();
		this.deployed.add(id);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> java.util.stream.StreamSupport
				.stream(call("GET", "/api/deployments/" + id, null, 200).path("targets").spliterator(), false)
				.anyMatch((target) -> target.path("state").asText().equals("WAITING_FOR_AGENT")));
		this.agent.run("--nosoftware", "--ca=" + caFile());

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> call("GET", "/api/deployments/" + id, null, 200).path("state").asText().equals("DONE")
					|| call("GET", "/api/deployments/" + id, null, 200).path("state").asText().equals("FAILED"));
		JsonNode deployment = call("GET", "/api/deployments/" + id, null, 200);
		assertThat(deployment.path("state").asText()).as(deployment.toString()).isEqualTo("DONE");
		assertThat(deployment.path("targets")).hasSize(2)
			.allSatisfy((target) -> assertThat(target.path("state").asText()).isEqualTo("DONE"));
		JsonNode report = call("GET", "/api/deployments/" + id + "/report", null, 200);
		assertThat(report.path("rows").toString()).contains("\"category\":\"DONE\"");
		assertThat(java.util.stream.StreamSupport.stream(report.path("rows").spliterator(), false)
			.filter((row) -> row.path("category").asText().equals("DONE"))
			.mapToLong((row) -> row.path("count").asLong())
			.sum()).isEqualTo(2);
	}

	@Test
	void shouldFetchFromAMirrorOfTheMachinesNetworkOnceEveryFileWasFoundThere() throws Exception {
		long machineId = agentMachine();
		String address = call("GET", "/api/machines/" + machineId, null, 200).path("address").asText();
		Path marker = this.work.resolve("mirrored");
		long pkg = packageWithScript("#!/bin/sh\necho mirrored > '" + marker + "'\n", "sh install.sh",
				Map.of("priority", 1));
		Path site = Files.createDirectories(this.work.resolve("site"));
		List<String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();
		// A site's mirror: info over HTTPS (with a certificate from Parc's CA, which the
		// agent trusts), fragments over HTTP, both from the same folder.
		com.sun.net.httpserver.HttpsServer secure = com.sun.net.httpserver.HttpsServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		secure.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(parcCertificate()));
		com.sun.net.httpserver.HttpServer plain = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		for (com.sun.net.httpserver.HttpServer server : List.of(secure, plain)) {
			server.createContext("/site", (exchange) -> {
				Path file = site.resolve(exchange.getRequestURI().getPath().substring("/site/".length())).normalize();
				fetched.add(exchange.getRequestURI().getPath());
				if (!file.startsWith(site) || !Files.isRegularFile(file)) {
					exchange.sendResponseHeaders(404, -1);
					exchange.close();
					return;
				}
				byte[] body = Files.readAllBytes(file);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
		}
		try {
			String fragments = "127.0.0.1:" + plain.getAddress().getPort() + "/site";
			String info = "127.0.0.1:" + secure.getAddress().getPort() + "/site";
			String mirrorBody = """
					{"infoLocation": "%s", "fragmentsLocation": "%s", "network": "%s"}
					""".formatted(info, fragments, address);
			// Nothing copied to the site yet: the first fragment is missing there.
			JsonNode empty = call("POST", "/api/packages/" + pkg + "/mirrors", mirrorBody, 201);
			assertThat(empty.path("usable").asBoolean()).isFalse();
			assertThat(empty.path("problem").asText()).startsWith("https://" + info).endsWith("/info: HTTP 404");
			copyBuildsTo(site);

			JsonNode checked = call("POST", "/api/packages/" + pkg + "/mirrors/" + empty.path("id").asLong() + "/check",
					"", 200);
			assertThat(checked.path("usable").asBoolean()).as(checked.toString()).isTrue();
			fetched.clear();

			long id = deploy(pkg, machineId, "");
			awaitTargetState(id, "WAITING_FOR_AGENT");
			RealOcsAgent.Run run = this.agent.run("--nosoftware", "--ca=" + caFile());

			assertThat(run.log()).contains("PACK_LOC=\"" + fragments + "\"");
			assertThat(awaitTargetState(id, "DONE").path("agentResult").asText()).isEqualTo("SUCCESS");
			assertThat(fetched).as("the agent took the package from the mirror")
				.anySatisfy((path) -> assertThat(path).endsWith("/info"))
				.anySatisfy((path) -> assertThat(path).endsWith("-1"));
			assertThat(marker).exists();
		}
		finally {
			secure.stop(0);
			plain.stop(0);
		}
	}

	/**
	 * TLS with the deployment server's own key and certificate, as a site would get one.
	 */
	private javax.net.ssl.SSLContext parcCertificate() throws Exception {
		javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory
			.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
		keys.init(this.deployServer.keyStore(), DeployServerService.KEY_STORE_PASSWORD);
		javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	/** A site's copy of every build, laid out as agents ask for it. */
	private void copyBuildsTo(Path site) throws Exception {
		Path builds = this.parc.dataDir().resolve("agent-packages");
		try (var folders = Files.list(builds)) {
			for (Path folder : folders.filter((path) -> path.getFileName().toString().matches("\\d+")).toList()) {
				Path copy = Files.createDirectories(site.resolve(folder.getFileName().toString()));
				try (var files = Files.list(folder)) {
					for (Path file : files.toList()) {
						Files.copy(file, copy.resolve(file.getFileName()),
								java.nio.file.StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
	}

	/**
	 * The guide's agent commands (docs/teledeployment.md, Agents), as written, with only
	 * the server's address given: the CA is fetched without login and the agent, checking
	 * against it, reports.
	 */
	@Test
	void shouldRunTheGuidesAgentCommandsAsWritten() throws Exception {
		String guide = Files.readString(Path.of("..", "docs", "teledeployment.md"));
		int start = guide.indexOf("```sh\nPARC=");
		String block = guide.substring(start + "```sh\n".length(), guide.indexOf("```", start + 5));
		String script = block.replace("PARC=parc.example.org:8080", "PARC=127.0.0.1:" + this.port);
		assertThat(script).isNotEqualTo(block).contains("ocsinventory-agent --nolocal");
		Path folder = Files.createDirectories(this.work.resolve("guide"));

		Process shell = new ProcessBuilder("/bin/sh", "-e", "-c", script).directory(folder.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(shell.waitFor()).as(output).isZero();
		assertThat(Files.readString(folder.resolve("cacert.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
	}

	private long deploy(long pkg, long machineId, String moreOptions) throws Exception {
		long id = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"wol": false%s}}
				""".formatted(pkg, machineId, moreOptions), 201).path("id").asLong();
		this.deployed.add(id);
		return id;
	}

	/**
	 * The first fragment of the latest build: OCS ids only grow, so the highest folder is
	 * the package just offered.
	 */
	private Path onlyFragment() throws Exception {
		try (var folders = Files.list(this.parc.dataDir().resolve("agent-packages"))) {
			Path latest = folders.filter((path) -> path.getFileName().toString().matches("\\d+"))
				.max(java.util.Comparator.comparingLong((path) -> Long.parseLong(path.getFileName().toString())))
				.orElseThrow();
			Path fragment = latest.resolve(latest.getFileName() + "-1");
			assertThat(fragment).exists();
			assertThat(latest.resolve(latest.getFileName() + "-2")).doesNotExist();
			return fragment;
		}
	}

	private long agentMachine() throws Exception {
		RealOcsAgent.Run first = this.agent.run("--nosoftware");
		assertThat(first.exitCode()).as(first.log()).isZero();
		String name = RealOcsAgent.hostName();
		JsonNode page = call("GET", "/api/machines?name=" + name, null, 200);
		for (JsonNode machine : page.path("content")) {
			if (machine.path("name").asText().equalsIgnoreCase(name)
					&& machine.path("channel").asText().equals("OCS_AGENT")) {
				return machine.path("id").asLong();
			}
		}
		throw new AssertionError("No agent machine named " + name + " in " + page);
	}

	private Path caFile() throws Exception {
		HttpResponse<String> ca = this.http.get("/api/deploy-server/ca.pem");
		assertThat(ca.statusCode()).as("the CA is readable without login").isEqualTo(200);
		assertThat(ca.body()).startsWith("-----BEGIN CERTIFICATE-----");
		Path file = this.work.resolve("cacert.pem");
		Files.writeString(file, ca.body());
		return file;
	}

	private long packageWithScript(String script, String command, Map<String, Object> agent) throws Exception {
		String metadata = this.json
			.writeValueAsString(Map.of("label", "agent " + UUID.randomUUID().toString().substring(0, 6), "version", "1",
					"command", command, "osFamily", "LINUX", "agent", agent));
		HttpResponse<String> response = this.http.postMultipart("/api/packages", List.of(
				new ParcHttpClient.Part("metadata", null, "application/json",
						metadata.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "install.sh", "text/x-sh", script.getBytes(StandardCharsets.UTF_8))),
				"admin", this.adminPassword);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		long id = this.json.readTree(response.body()).path("id").asLong();
		return id;
	}

	private long packageWithoutFiles(String command, Map<String, Object> agent) throws Exception {
		String metadata = this.json
			.writeValueAsString(Map.of("label", "command " + UUID.randomUUID().toString().substring(0, 6), "version",
					"1", "command", command, "osFamily", "LINUX", "agent", agent));
		HttpResponse<String> response = this.http.postMultipart("/api/packages",
				List.of(new ParcHttpClient.Part("metadata", null, "application/json",
						metadata.getBytes(StandardCharsets.UTF_8))),
				"admin", this.adminPassword);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body()).path("id").asLong();
	}

	private JsonNode awaitTargetState(long deploymentId, String state) throws Exception {
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> target(deploymentId).path("state").asText().equals(state)
					|| target(deploymentId).path("state").asText().equals("FAILED"));
		JsonNode target = target(deploymentId);
		assertThat(target.path("state").asText()).as(target + "\n" + this.agent.logs()).isEqualTo(state);
		return target;
	}

	private JsonNode target(long deploymentId) throws Exception {
		return call("GET", "/api/deployments/" + deploymentId, null, 200).path("targets").get(0);
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.adminPassword)
				: this.http.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

}
