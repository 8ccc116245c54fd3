package parc.app;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
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
 * A periodic agentless inventory through the public API, fired by Quartz and worked by
 * the engine: the real OpenSSH machine is inventoried at each run, a machine whose SSH
 * port is closed keeps the run going through its retry delay, and the fires that come
 * meanwhile are recorded SKIPPED.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "parc.schedules.min-interval=1s", "parc.schedules.inventory-retry-delay=10s" })
class PeriodicInventoryIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	HistoryService history;

	ParcHttpClient http;

	String adminPassword;

	final Deque<String> created = new ArrayDeque<>();

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void connect() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	@AfterEach
	void cleanUp() {
		this.created.forEach((path) -> this.http.sendJson("DELETE", path, "", "admin", this.adminPassword));
	}

	@Test
	void shouldInventoryTheGroupsMachinesAtEachRunAndSkipTheFiresDuringASlowRun() throws Exception {
		JsonNode credential = call("POST", "/api/credentials", """
				{"name": "periodic inventory key", "type": "SSH_KEY", "username": "%s", "privateKey": %s}
				""".formatted(sshd.server().user(), this.json.writeValueAsString(sshd.server().clientKey())), 201);
		this.created.addLast("/api/credentials/" + credential.path("id").asLong());
		long reachable = machine("periodic-sshd", sshd.server().port(), credential.path("id").asLong());
		long closed = machine("periodic-closed-port", closedPort(), credential.path("id").asLong());
		JsonNode group = call("POST", "/api/groups", """
				{"name": "periodic inventory", "type": "STATIC", "machineIds": [%d, %d]}
				""".formatted(reachable, closed), 201);
		this.created.addFirst("/api/groups/" + group.path("id").asLong());
		JsonNode schedule = call("POST", "/api/schedules", """
				{"name": "every five seconds", "kind": "AGENTLESS_INVENTORY", "target": {"groupId": %d},
				 "cron": "0/5 * * * * ?", "concurrency": 2}
				""".formatted(group.path("id").asLong()), 201);
		String runsPath = "/api/schedules/" + schedule.path("id").asLong() + "/runs?size=100";
		this.created.addFirst("/api/schedules/" + schedule.path("id").asLong());

		// The first run: the sshd machine at once, the closed port failed twice, ten
		// seconds
		// apart; the fires every five seconds meanwhile find it running.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> doneRuns(runsPath).size() >= 1);
		JsonNode first = doneRuns(runsPath).get(0);
		assertThat(first.path("counts").path("planned").asInt()).isEqualTo(2);
		assertThat(first.path("counts").path("done").asInt()).isEqualTo(1);
		assertThat(first.path("counts").path("failed").asInt()).isEqualTo(1);
		assertThat(first.path("error").asText()).isEqualTo("1 of 2 machine(s) not inventoried");
		Instant firstStarted = Instant.parse(first.path("startedAt").asText());
		Instant firstFinished = Instant.parse(first.path("finishedAt").asText());
		assertThat(Duration.between(firstStarted, firstFinished)).as("the closed port's retry delay")
			.isGreaterThanOrEqualTo(Duration.ofSeconds(10));
		List<JsonNode> skippedMeanwhile = new ArrayList<>();
		for (JsonNode run : call("GET", runsPath, null, 200).path("content")) {
			Instant started = Instant.parse(run.path("startedAt").asText());
			if ("SKIPPED".equals(run.path("state").asText()) && started.isAfter(firstStarted)
					&& started.isBefore(firstFinished)) {
				skippedMeanwhile.add(run);
			}
		}
		assertThat(skippedMeanwhile).isNotEmpty()
			.allSatisfy((run) -> assertThat(run.path("error").asText()).contains("is still running"));

		// The next run inventories it again: stored as a new contact (UNCHANGED) or as a
		// new snapshot in its history (UPDATED), by the schedule.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> doneRuns(runsPath).size() >= 2);
		JsonNode inventory = call("GET", "/api/machines/" + reachable + "/inventory", null, 200);
		assertThat(inventory.path("source").asText()).isEqualTo("AGENTLESS_SSH");
		// The first run's contact came before it finished, the second run's after:
		// reading
		// the contact once the first run is seen done could already read the second's.
		assertThat(Instant.parse(inventory.path("lastContactAt").asText())).isAfter(firstFinished);
		List<JsonNode> collections = new ArrayList<>();
		call("GET", "/api/machines/" + reachable + "/inventory/collections", null, 200).forEach(collections::add);
		assertThat(collections).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((collection) -> assertThat(collection.path("requestedBy").asText())
				.isEqualTo("schedule every five seconds"));
		assertThat(collections.get(collections.size() - 1).path("outcome").asText()).isEqualTo("FIRST");
		assertThat(collections.get(collections.size() - 2).path("outcome").asText()).isIn("UNCHANGED", "UPDATED");
		if ("UPDATED".equals(collections.get(collections.size() - 2).path("outcome").asText())) {
			// A new snapshot kept (the changes between them may be ones the history
			// leaves out,
			// as free memory).
			assertThat(inventory.path("inventoriesKept").asInt()).isGreaterThanOrEqualTo(2);
		}

		// Each machine of each run was a process of the engine, as Cockpit lists them.
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("inventory-machine")
			.processInstanceBusinessKey("machine-" + reachable)
			.finished()
			.count()).isGreaterThanOrEqualTo(2);
	}

	private List<JsonNode> doneRuns(String runsPath) throws Exception {
		List<JsonNode> done = new ArrayList<>();
		call("GET", runsPath, null, 200).path("content").forEach((run) -> {
			if ("DONE".equals(run.path("state").asText())) {
				done.add(run);
			}
		});
		// Oldest first.
		java.util.Collections.reverse(done);
		return done;
	}

	private long machine(String name, int sshPort, long credentialId) throws Exception {
		JsonNode machine = call("POST", "/api/machines", """
				{"name": "%s", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
				""".formatted(name, sshPort, sshd.server().user(), credentialId), 201);
		long id = machine.path("id").asLong();
		this.created.addFirst("/api/machines/" + id);
		return id;
	}

	/** A loopback port nothing listens on: connections are refused at once. */
	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.adminPassword)
				: this.http.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

}
