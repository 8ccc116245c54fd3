package parc.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.processdesign.ProcessSummary;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process designer changes how Parc deploys, as Camunda Modeler does it: a multipart
 * {@code POST /engine-rest/deployment/create} with {@code deploy-changed-only}, from a
 * DESIGNER account, against a real OpenSSH server with the job executor running. Its own
 * database (the {@code parc.test.context} property), since it changes the processes every
 * deployment uses.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=false",
				"parc.test.context=process-design" })
class ProcessDesignIT {

	private static final String DEPLOY_PACKAGE = "deploy-package";

	/** The webhook the notify steps may call: a JDK HTTP server on a loopback port. */
	private static final HttpServer HOOK = hook();

	private static final String HOOK_URL = "http://127.0.0.1:" + HOOK.getAddress().getPort() + "/hooks";

	private static final List<String> HOOK_REQUESTS = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void allowTheHook(DynamicPropertyRegistry properties) {
		properties.add("parc.notify.allowed-urls", () -> HOOK_URL);
	}

	private static HttpServer hook() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/hooks", (exchange) -> {
				try (InputStream body = exchange.getRequestBody()) {
					HOOK_REQUESTS.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	UserAccountService accounts;

	@Autowired
	ProcessDesignService processes;

	private final ObjectMapper json = new ObjectMapper();

	private ParcHttpClient http;

	private String adminPassword;

	private GeneratedPassword designer;

	private long machineId;

	private final List<String> created = new ArrayList<>();

	@BeforeEach
	void designerAndMachine() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		this.designer = this.accounts.create(new NewUserAccount("designer-" + suffix, Role.DESIGNER));
		long credential = admin("POST", "/api/credentials",
				this.json.writeValueAsString(Map.of("name", "design key " + suffix, "type", "SSH_KEY", "username",
						sshd.server().user(), "privateKey", sshd.server().clientKey())),
				201)
			.path("id")
			.asLong();
		this.machineId = admin("POST", "/api/machines", """
				{"name": "design-%s", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
				""".formatted(suffix, sshd.server().port(), sshd.server().user(), credential), 201).path("id").asLong();
		this.created.add("/api/machines/" + this.machineId);
		this.created.add("/api/credentials/" + credential);
	}

	@AfterEach
	void shippedVersionInUseAgain() {
		ProcessSummary deployPackage = this.processes.processes(DEPLOY_PACKAGE).get(0);
		if (deployPackage.inUse().origin() != ProcessOrigin.SHIPPED) {
			this.processes.rollBack(DEPLOY_PACKAGE, deployPackage.shippedVersion());
		}
		this.created.forEach((path) -> this.http.sendJson("DELETE", path, "", "admin", this.adminPassword));
	}

	@Test
	void shouldWaitForTheApprovalADesignerAddedAndLeaveEarlierDeploymentsAlone() throws Exception {
		int shipped = this.processes.processes(DEPLOY_PACKAGE).get(0).shippedVersion();
		int inUseBefore = this.processes.processes(DEPLOY_PACKAGE).get(0).inUse().version();
		long pkg = scriptPackage("#!/bin/sh\nsleep 2\necho installed\n");
		long before = deploy(pkg);

		HttpResponse<String> deployed = deployAsModeler(withApprovalBeforeTransfer(shippedBpmn()));

		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		JsonNode definitions = this.json.readTree(deployed.body()).path("deployedProcessDefinitions");
		assertThat(definitions.size()).isEqualTo(1);
		JsonNode designed = definitions.elements().next();
		assertThat(designed.path("key").asText()).isEqualTo(DEPLOY_PACKAGE);
		int designedVersion = designed.path("version").asInt();
		assertThat(designedVersion).isGreaterThan(inUseBefore);
		assertThat(this.processes.version(DEPLOY_PACKAGE, designedVersion).deployedBy())
			.isEqualTo(this.designer.username());
		assertThat(this.processes.version(DEPLOY_PACKAGE, designedVersion).origin())
			.isEqualTo(ProcessOrigin.ENGINE_REST);
		JsonNode again = this.json.readTree(deployAsModeler(withApprovalBeforeTransfer(shippedBpmn())).body());
		assertThat(again.path("deployedProcessDefinitions").size())
			.as("deploy-changed-only: the same file again deploys nothing")
			.isZero();

		long approved = deploy(pkg);
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> "WAITING_FOR_APPROVAL".equals(target(approved).path("state").asText()));
		assertThat(target(approved).path("detail").asText()).isEqualTo("waiting for approval: Approve the deployment");
		JsonNode tasks = asDesigner("GET", "/engine-rest/task?processInstanceBusinessKey=deployment-" + approved, null,
				200);
		assertThat(tasks.size()).isEqualTo(1);
		assertThat(tasks.get(0).path("name").asText()).isEqualTo("Approve the deployment");

		HttpResponse<String> completed = this.http.sendJson("POST",
				"/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete", "{}", this.designer.username(),
				this.designer.password());
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

		assertThat(finalState(approved)).isEqualTo("DONE");
		assertThat(log(approved)).contains("INFO waiting for approval: Approve the deployment (a task in Tasklist)",
				"INFO Approve the deployment: completed by " + this.designer.username(), "OUT installed");
		assertThat(finalState(before)).isEqualTo("DONE");
		assertThat(log(before)).noneMatch((line) -> line.contains("approval"));
		assertThat(versionRun(before)).isEqualTo(inUseBefore);
		assertThat(versionRun(approved)).isEqualTo(designedVersion);

		int rolledBack = this.processes.rollBack(DEPLOY_PACKAGE, shipped).version();
		long afterRollBack = deploy(pkg);
		assertThat(finalState(afterRollBack)).isEqualTo("DONE");
		assertThat(log(afterRollBack)).noneMatch((line) -> line.contains("approval"));
		assertThat(versionRun(afterRollBack)).isEqualTo(rolledBack);
	}

	/**
	 * The element template "Run a command on the machine" as Camunda Modeler writes it,
	 * filled in with {@code echo} and one argument, before the install command.
	 */
	static String withCommandBeforeInstall(String bpmn) {
		return bpmn
			.replace("sourceRef=\"Gateway_RunInstallCommand\" targetRef=\"CallActivity_RunInstallCommand\"",
					"sourceRef=\"Gateway_RunInstallCommand\" targetRef=\"CallActivity_StopService\"")
			.replace("<bpmn:callActivity id=\"CallActivity_RunInstallCommand\"",
					"""
							<bpmn:callActivity id="CallActivity_StopService" name="Stop the service" calledElement="deployment-phase" camunda:modelerTemplate="parc.run-command" camunda:modelerTemplateVersion="1">
							  <bpmn:extensionElements>
							    <camunda:in sourceExpression="${'COMMAND'}" target="phase" />
							    <camunda:in businessKey="#{execution.processBusinessKey}" />
							    <camunda:in source="deploymentId" target="deploymentId" />
							    <camunda:in source="machineName" target="machineName" />
							    <camunda:in source="machineId" target="machineId" />
							    <camunda:in sourceExpression="echo" target="command" />
							    <camunda:in sourceExpression="stopping service" target="commandArguments" />
							    <camunda:in sourceExpression="60" target="commandTimeLimit" />
							    <camunda:in sourceExpression="0" target="commandSuccessCodes" />
							  </bpmn:extensionElements>
							</bpmn:callActivity>
							<bpmn:sequenceFlow id="Flow_ServiceStopped" sourceRef="CallActivity_StopService" targetRef="CallActivity_RunInstallCommand" />
							<bpmn:callActivity id="CallActivity_RunInstallCommand\"""");
	}

	@Test
	void shouldRunTheCommandADesignerInsertedBeforeTheInstallCommandInOrder() throws Exception {
		HttpResponse<String> deployed = deployAsModeler(withCommandBeforeInstall(shippedBpmn()));
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

		long id = deploy(scriptPackage("#!/bin/sh\necho installed\n"));

		assertThat(finalState(id)).isEqualTo("DONE");
		List<String> log = log(id);
		int stop = log.indexOf("COMMAND echo stopping service");
		int install = log.indexOf("COMMAND sh ./install.sh");
		assertThat(stop).as(String.join("\n", log)).isNotNegative();
		assertThat(log.get(stop + 1)).isEqualTo("OUT stopping service");
		assertThat(install).as(String.join("\n", log)).isGreaterThan(stop);
		int push = java.util.stream.IntStream.range(0, log.size())
			.filter((i) -> log.get(i).startsWith("COMMAND push "))
			.findFirst()
			.orElse(-1);
		assertThat(push).isNotNegative().isLessThan(stop);
		assertThat(target(id).path("phases").path("COMMAND").asText()).isEqualTo("DONE");
	}

	/**
	 * Three steps from the element template "Notify" after the machine is recorded done:
	 * a log line, a POST to the allowed test server, a POST to a URL nobody allowed.
	 */
	static String withNotificationsAfterDone(String bpmn, String allowedUrl) {
		String step = """
				<bpmn:serviceTask id="%s" name="%s" camunda:type="external" camunda:topic="parc-notify" camunda:modelerTemplate="parc.notify" camunda:modelerTemplateVersion="1">
				  <bpmn:extensionElements>
				    <camunda:inputOutput>
				      <camunda:inputParameter name="notifyChannel">%s</camunda:inputParameter>
				      <camunda:inputParameter name="notifyMessage">%s</camunda:inputParameter>
				      <camunda:inputParameter name="notifyUrl">%s</camunda:inputParameter>
				    </camunda:inputOutput>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				""";
		return bpmn.replace(
				"<bpmn:sequenceFlow id=\"Flow_ToMachineDone\" sourceRef=\"Task_RecordMachineDone\" targetRef=\"EndEvent_MachineDone\" />",
				step.formatted("Task_NotifyLog", "Note it", "LOG", "deployed on ${machineName}", "")
						+ step.formatted("Task_NotifyHook", "Tell the hook", "HTTP",
								"${machineName} done in deployment ${deploymentId}", allowedUrl + "/parc")
						+ step.formatted("Task_NotifyElsewhere", "Tell elsewhere", "HTTP", "x",
								"${'http://127.0.0.1:9/not-allowed'}")
						+ """
								<bpmn:sequenceFlow id="Flow_ToMachineDone" sourceRef="Task_RecordMachineDone" targetRef="Task_NotifyLog" />
								<bpmn:sequenceFlow id="Flow_Noted" sourceRef="Task_NotifyLog" targetRef="Task_NotifyHook" />
								<bpmn:sequenceFlow id="Flow_Told" sourceRef="Task_NotifyHook" targetRef="Task_NotifyElsewhere" />
								<bpmn:sequenceFlow id="Flow_ToldElsewhere" sourceRef="Task_NotifyElsewhere" targetRef="EndEvent_MachineDone" />
								""");
	}

	@Test
	void shouldSendTheNotificationsADesignerAddedAndGoOnWhenOneIsRefused() throws Exception {
		HttpResponse<String> refused = deployAsModeler(withNotificationsAfterDone(shippedBpmn(), "http://127.0.0.1:9"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("Task_NotifyHook is a notify step that could never be sent: "
				+ "'http://127.0.0.1:9/parc' is not under a URL of parc.notify.allowed-urls");

		HttpResponse<String> deployed = deployAsModeler(withNotificationsAfterDone(shippedBpmn(), HOOK_URL));
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

		long id = deploy(scriptPackage("#!/bin/sh\necho installed\n"));

		assertThat(finalState(id)).isEqualTo("DONE");
		String machine = target(id).path("machineName").asText();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> log(id).stream().anyMatch((line) -> line.contains("not-allowed")));
		List<String> log = log(id);
		assertThat(log).containsSubsequence("INFO notify: deployed on " + machine,
				"INFO notify: HTTP POST to " + HOOK_URL + "/parc answered 204",
				"ERROR notify: notification refused at Task_NotifyElsewhere: 'http://127.0.0.1:9/not-allowed' is not "
						+ "under a URL of parc.notify.allowed-urls; the process goes on");
		assertThat(HOOK_REQUESTS).singleElement().satisfies((body) -> {
			JsonNode posted = this.json.readTree(body);
			assertThat(posted.path("message").asText()).isEqualTo(machine + " done in deployment " + id);
			assertThat(posted.path("machine").asText()).isEqualTo(machine);
			assertThat(posted.path("deploymentId").asLong()).isEqualTo(id);
			assertThat(posted.path("process").asText()).isEqualTo(DEPLOY_PACKAGE);
		});
	}

	@Test
	void shouldRefuseAVersionWithAnUnknownDelegateOrTopicWithTheElementIds() throws Exception {
		int inUse = this.processes.processes(DEPLOY_PACKAGE).get(0).inUse().version();
		String broken = shippedBpmn().replace("${recordMachineDoneDelegate}", "${recordMachineFinishedDelegate}")
			.replace("<bpmn:endEvent id=\"EndEvent_MachineDone\" name=\"Machine done\">",
					"<bpmn:serviceTask id=\"Task_OpenTicket\" camunda:type=\"external\" camunda:topic=\"open-ticket\" />"
							+ "<bpmn:endEvent id=\"EndEvent_MachineDone\" name=\"Machine done\">");

		HttpResponse<String> refused = deployAsModeler(broken);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		JsonNode body = this.json.readTree(refused.body());
		assertThat(body.path("type").asText()).isEqualTo("ParseException");
		List<String> ids = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		body.path("details").path("deploy-package.bpmn").path("errors").forEach((error) -> {
			ids.add(error.path("mainElementId").asText());
			messages.add(error.path("message").asText());
		});
		assertThat(ids).contains("Task_RecordMachineDone", "Task_OpenTicket");
		assertThat(messages).anySatisfy((message) -> assertThat(message).contains("${recordMachineFinishedDelegate}"))
			.anySatisfy((message) -> assertThat(message).contains("open-ticket"));
		assertThat(this.processes.processes(DEPLOY_PACKAGE).get(0).inUse().version()).isEqualTo(inUse);
	}

	/** The upload command of docs/processes/designing.md, typed as written. */
	@Test
	void shouldDeployWithTheDocumentedCurlCommand() throws Exception {
		String documented = Files.readAllLines(java.nio.file.Path.of("..", "docs", "processes", "designing.md"))
			.stream()
			.filter((line) -> line.startsWith("curl ") && line.contains("/api/processes"))
			.findFirst()
			.orElseThrow();
		java.nio.file.Path folder = Files.createTempDirectory("parc-designing");
		Files.writeString(folder.resolve("deploy-package.bpmn"), withApprovalBeforeTransfer(shippedBpmn()));
		String command = documented
			.replace("designer:PASSWORD", this.designer.username() + ":" + this.designer.password())
			.replace("http://localhost:8080", "http://127.0.0.1:" + this.port);
		Process curl = new ProcessBuilder("bash", "-c", command).directory(folder.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(curl.waitFor()).as(output).isZero();
		JsonNode created = this.json.readTree(output);
		assertThat(created.get(0).path("key").asText()).isEqualTo(DEPLOY_PACKAGE);
		assertThat(created.get(0).path("origin").asText()).isEqualTo("CONSOLE");
		assertThat(created.get(0).path("deployedBy").asText()).isEqualTo(this.designer.username());
		assertThat(created.get(0).path("inUse").asBoolean()).isTrue();
	}

	@Test
	void shouldLetADesignerDeployButNotManageCredentialsMachinesOrDeployments() throws Exception {
		assertThat(status("GET", "/api/credentials")).isEqualTo(403);
		assertThat(status("POST", "/api/credentials")).isEqualTo(403);
		assertThat(status("PUT", "/api/machines/" + this.machineId)).isEqualTo(403);
		assertThat(status("DELETE", "/api/machines/" + this.machineId)).isEqualTo(403);
		assertThat(status("DELETE", "/engine-rest/deployment/any")).isEqualTo(403);
		assertThat(status("DELETE", "/engine-rest/process-instance/any")).isEqualTo(403);
		assertThat(status("GET", "/engine-rest/version")).isEqualTo(200);
		assertThat(status("GET", "/engine-rest/deployment?maxResults=1")).isEqualTo(200);
		assertThat(status("GET", "/api/machines/" + this.machineId)).isEqualTo(200);
	}

	private int status(String method, String path) {
		return this.http.sendJson(method, path, "{}", this.designer.username(), this.designer.password()).statusCode();
	}

	/** What Camunda Modeler 5 sends for "Deploy to Camunda 7". */
	private HttpResponse<String> deployAsModeler(String bpmn) {
		return this.http.postMultipart("/engine-rest/deployment/create",
				List.of(new ParcHttpClient.Part("deployment-name", null, "text/plain", bytes("deploy-package")),
						new ParcHttpClient.Part("deployment-source", null, "text/plain", bytes("Camunda Modeler")),
						new ParcHttpClient.Part("deploy-changed-only", null, "text/plain", bytes("true")),
						new ParcHttpClient.Part("deploy-package.bpmn", "deploy-package.bpmn",
								"application/octet-stream", bytes(bpmn))),
				this.designer.username(), this.designer.password());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String shippedBpmn() throws IOException {
		try (InputStream in = ProcessDesignIT.class.getResourceAsStream("/bpmn/deploy-package.bpmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * What a designer draws in Camunda Modeler: a user task between "Delivered through
	 * the machine's agent? no, over SSH" and the transfer.
	 */
	static String withApprovalBeforeTransfer(String bpmn) {
		return bpmn
			.replace("sourceRef=\"Gateway_ThroughAgent\" targetRef=\"CallActivity_TransferPackage\"",
					"sourceRef=\"Gateway_ThroughAgent\" targetRef=\"UserTask_ApproveDeployment\"")
			.replace("<bpmn:callActivity id=\"CallActivity_TransferPackage\"",
					"""
							<bpmn:userTask id="UserTask_ApproveDeployment" name="Approve the deployment" camunda:candidateGroups="camunda-admin,parc-designers">
							  <bpmn:incoming>Flow_OverSsh</bpmn:incoming>
							  <bpmn:outgoing>Flow_Approved</bpmn:outgoing>
							</bpmn:userTask>
							<bpmn:sequenceFlow id="Flow_Approved" sourceRef="UserTask_ApproveDeployment" targetRef="CallActivity_TransferPackage" />
							<bpmn:callActivity id="CallActivity_TransferPackage\"""")
			.replace("<bpmn:incoming>Flow_OverSsh</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToStep2</bpmn:outgoing>",
					"<bpmn:incoming>Flow_Approved</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToStep2</bpmn:outgoing>");
	}

	private long scriptPackage(String script) throws Exception {
		String metadata = this.json
			.writeValueAsString(Map.of("label", "designed " + UUID.randomUUID().toString().substring(0, 6), "version",
					"1", "command", "sh ./install.sh", "osFamily", "LINUX", "needsReboot", false));
		HttpResponse<String> response = this.http.postMultipart("/api/packages",
				List.of(new ParcHttpClient.Part("metadata", null, "application/json", bytes(metadata)),
						new ParcHttpClient.Part("files", "install.sh", "text/x-sh", bytes(script))),
				"admin", this.adminPassword);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body()).path("id").asLong();
	}

	private long deploy(long pkg) throws Exception {
		return admin("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"wol": false}}
				""".formatted(pkg, this.machineId), 201).path("id").asLong();
	}

	private JsonNode target(long deploymentId) throws Exception {
		return admin("GET", "/api/deployments/" + deploymentId, null, 200).path("targets").get(0);
	}

	private String finalState(long deploymentId) throws Exception {
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !List.of("IN_PROGRESS", "PAUSED")
				.contains(admin("GET", "/api/deployments/" + deploymentId, null, 200).path("state").asText()));
		return target(deploymentId).path("state").asText();
	}

	private List<String> log(long deploymentId) throws Exception {
		List<String> lines = new ArrayList<>();
		admin("GET", "/api/deployments/" + deploymentId + "/targets/" + this.machineId + "/log", null, 200)
			.forEach((line) -> lines.add(line.path("kind").asText() + " " + line.path("text").asText()));
		return lines;
	}

	/**
	 * The deploy-package version the machine's deployment ran, as the deployment says it,
	 * checked against the engine's history.
	 */
	private int versionRun(long deploymentId) throws Exception {
		JsonNode instances = admin("GET", "/engine-rest/history/process-instance?processDefinitionKey=" + DEPLOY_PACKAGE
				+ "&processInstanceBusinessKey=deployment-" + deploymentId, null, 200);
		assertThat(instances.size()).isEqualTo(1);
		JsonNode said = admin("GET", "/api/deployments/" + deploymentId + "/process-versions", null, 200).elements()
			.next();
		assertThat(said.path("key").asText()).isEqualTo(DEPLOY_PACKAGE);
		assertThat(said.path("version").asInt()).isEqualTo(instances.get(0).path("processDefinitionVersion").asInt());
		return said.path("version").asInt();
	}

	private JsonNode admin(String method, String path, String body, int expected) throws Exception {
		return call(method, path, body, expected, "admin", this.adminPassword);
	}

	private JsonNode asDesigner(String method, String path, String body, int expected) throws Exception {
		return call(method, path, body, expected, this.designer.username(), this.designer.password());
	}

	private JsonNode call(String method, String path, String body, int expected, String user, String password)
			throws Exception {
		HttpResponse<String> response = "GET".equals(method) ? this.http.get(path, user, password)
				: this.http.sendJson(method, path, body, user, password);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return response.body().isBlank() ? this.json.createObjectNode() : this.json.readTree(response.body());
	}

}
