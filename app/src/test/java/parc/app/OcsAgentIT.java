package parc.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Debian OCS agent 2.10 against a running Parc (issue #4, must-show 1 and 2):
 * this machine appears with its OS, interfaces and every package the agent sent; a second
 * run records no change and, sent as a repeat (CHECKSUM from the agent's last state),
 * leaves the software list as it was; a TAG set in Parc reaches the agent and comes back;
 * with Basic authentication on, a wrong password is refused and the right one accepted.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OcsAgentIT {

	/** CHECKSUM bits (protocol §3.2): every section, as on a first run; SOFTWARES. */
	static final long EVERY_SECTION = 1572863;

	static final long SOFTWARES = 65536;

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	AgentService agents;

	@Autowired
	JdbcClient jdbc;

	ParcHttpClient http;

	String adminPassword;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void connect() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	@AfterEach
	void openEndpointAgain() {
		this.agents.updateSettings(AgentSettings.defaults(), null);
	}

	@Test
	void shouldInventoryThisMachineAndRoundTripTag() throws Exception {
		RealOcsAgent agent = new RealOcsAgent(this.port, Files.createTempDirectory("parc-agent-"));

		RealOcsAgent.Run first = agent.run("--tag=IT-TAG");

		assertThat(first.exitCode()).as(first.log()).isZero();
		long machineId = machineId(RealOcsAgent.hostName());
		JsonNode inventory = api("/api/machines/" + machineId + "/inventory");
		assertThat(inventory.path("source").asText()).isEqualTo("OCS_AGENT");
		assertThat(inventory.path("hardware").path("osname").asText()).isNotBlank();
		assertThat(inventory.path("networks").size()).isPositive();
		assertThat(inventory.path("software").size()).isEqualTo(first.softwareSent()).isPositive();
		assertThat(inventory.path("software").get(0).has("name")).isTrue();
		assertThat(api("/api/machines/" + machineId).path("channel").asText()).isEqualTo("OCS_AGENT");
		assertThat(api("/api/machines/" + machineId + "/admin-data").path("tag").asText()).isEqualTo("IT-TAG");

		List<String> softwareRows = softwareRowVersions(machineId);

		RealOcsAgent.Run second = agent.run();

		assertThat(second.exitCode()).as(second.log()).isZero();
		assertThat(api("/api/machines/" + machineId + "/inventory/history").path("totalElements").asLong())
			.as("history after an unchanged second run")
			.isZero();
		// The agent now flags only what changed since the inventory Parc accepted (its
		// last_state): a repeat, whose software list Parc leaves as it was.
		JsonNode repeat = api("/api/machines/" + machineId + "/inventory");
		assertThat(repeat.path("hardware").path("checksum").asText()).as("CHECKSUM of the second run").matches("\\d+");
		long checksum = repeat.path("hardware").path("checksum").asLong();
		assertThat(checksum).as("CHECKSUM of the second run").isNotEqualTo(EVERY_SECTION);
		assertThat(checksum & SOFTWARES).isZero();
		assertThat(repeat.path("software").size()).isEqualTo(first.softwareSent());
		assertThat(softwareRowVersions(machineId)).isEqualTo(softwareRows);
		assertThat(this.jdbc.sql("""
				select count(distinct sections ->> 'software') from inventory_snapshot where machine_id = ?
				""").param(machineId).query(Long.class).single()).as("software sections kept").isEqualTo(1);

		HttpResponse<String> changed = this.http.sendJson("PUT", "/api/machines/" + machineId + "/admin-data",
				"{\"tag\":\"PARC-TAG\",\"fields\":{}}", "admin", this.adminPassword);
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

		RealOcsAgent.Run third = agent.run();

		assertThat(third.exitCode()).as(third.log()).isZero();
		assertThat(third.log()).contains("ACCOUNT_UPDATE");
		assertThat(agent.storedAccountInfo()).contains("PARC-TAG");

		RealOcsAgent.Run fourth = agent.run();

		assertThat(fourth.exitCode()).as(fourth.log()).isZero();
		JsonNode accountInfo = api("/api/machines/" + machineId + "/inventory").path("accountInfo");
		assertThat(accountInfo.toString()).contains("\"key\":\"TAG\"").contains("\"value\":\"PARC-TAG\"");
	}

	@Test
	void shouldRefuseWrongAgentPasswordAndAcceptRightOne() throws Exception {
		this.agents.updateSettings(new AgentSettings(0, 10, true, "ocsuser", null, "OCS Area", List.of(), "TAG"),
				"s3cret-agents");
		RealOcsAgent agent = new RealOcsAgent(this.port, Files.createTempDirectory("parc-agent-auth-"));

		RealOcsAgent.Run anonymous = agent.run("--nosoftware");
		RealOcsAgent.Run wrong = agent.runAuthenticated("ocsuser", "not-the-password", "OCS Area");
		RealOcsAgent.Run right = agent.runAuthenticated("ocsuser", "s3cret-agents", "OCS Area");

		assertThat(anonymous.exitCode()).isEqualTo(1);
		assertThat(anonymous.log()).contains("401");
		assertThat(wrong.exitCode()).isEqualTo(1);
		assertThat(wrong.log()).contains("401");
		assertThat(right.exitCode()).as(right.log()).isZero();
		assertThat(right.log()).contains("<RESPONSE>SEND</RESPONSE>");
	}

	/** Each software row's place and writing transaction: equal only if untouched. */
	private List<String> softwareRowVersions(long machineId) {
		return this.jdbc
			.sql("select ctid::text || '/' || xmin::text from inventory_software where machine_id = ? order by ctid")
			.param(machineId)
			.query(String.class)
			.list();
	}

	private JsonNode api(String path) throws Exception {
		HttpResponse<String> response = this.http.get(path, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private long machineId(String name) throws Exception {
		JsonNode page = api("/api/machines?name=" + name);
		for (JsonNode machine : page.path("content")) {
			if (machine.path("name").asText().equalsIgnoreCase(name)) {
				return machine.path("id").asLong();
			}
		}
		throw new AssertionError("No machine named " + name + " in " + page);
	}

}
