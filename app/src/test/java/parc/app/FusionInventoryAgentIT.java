package parc.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Debian FusionInventory agent 2.6, the other agent Debian packages that speaks
 * the OCS protocol, against a running Parc: it posts with
 * {@code application/x-compress-zlib}, nests fields and sends sections the Unix agent
 * does not; this machine appears with its OS, interfaces and every package the agent
 * sent, its extra sections kept, and a second run files under the same machine. The first
 * run is the command the inventory guide gives.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "parc.test.context=fusion-agent")
class FusionInventoryAgentIT {

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	JdbcClient jdbc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldInventoryThisMachineThroughTheFusionInventoryAgent() throws Exception {
		RealFusionInventoryAgent agent = new RealFusionInventoryAgent(this.port,
				Files.createTempDirectory("parc-fusion-"));

		RealFusionInventoryAgent.Run first = agent.runAsDocumented(documentedCommand());

		assertThat(first.errors()).as(first.log()).isEmpty();
		assertThat(first.log()).contains("<RESPONSE>SEND</RESPONSE>").contains("NO_ACCOUNT_UPDATE");
		long machineId = machineOf(first.deviceIdSent());
		JsonNode inventory = api("/api/machines/" + machineId + "/inventory");
		assertThat(inventory.path("source").asText()).isEqualTo("OCS_AGENT");
		assertThat(inventory.path("agentVersion").asText()).startsWith("FusionInventory-Agent_v2.6");
		assertThat(inventory.path("hardware").path("osname").asText()).isNotBlank();
		assertThat(inventory.path("hardware").path("name").asText())
			.isEqualToIgnoringCase(api("/api/machines/" + machineId).path("name").asText());
		assertThat(inventory.path("networks").size()).isEqualTo(first.rowsSent("NETWORKS")).isPositive();
		assertThat(inventory.path("software").size()).isEqualTo(first.rowsSent("SOFTWARES")).isPositive();
		JsonNode others = inventory.path("otherSections");
		assertThat(others.path("operatingsystem").get(0).path("timezone.name").asText())
			.as("a field the agent nests, kept")
			.isNotBlank();
		assertThat(others.path("versionclient").get(0).path("value").asText()).as("a section that is only text, kept")
			.startsWith("FusionInventory-Agent_v2.6");

		RealFusionInventoryAgent.Run second = agent.run("--force");

		assertThat(second.errors()).as(second.log()).isEmpty();
		assertThat(second.deviceIdSent()).isEqualTo(first.deviceIdSent());
		assertThat(machineOf(second.deviceIdSent())).isEqualTo(machineId);
		assertThat(this.jdbc.sql("select count(*) from machine").query(Long.class).single()).isEqualTo(1);
	}

	/** The FusionInventory command the inventory guide tells administrators to type. */
	private static String documentedCommand() throws Exception {
		return Files.readAllLines(Path.of("..", "docs", "inventory.md"))
			.stream()
			.filter((line) -> line.startsWith("fusioninventory-agent "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("docs/inventory.md gives no fusioninventory-agent command"));
	}

	private long machineOf(String deviceId) {
		return this.jdbc.sql("select machine_id from agent_device where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.single();
	}

	private JsonNode api(String path) throws Exception {
		String password = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		HttpResponse<String> response = new ParcHttpClient("http://127.0.0.1:" + this.port).get(path, "admin",
				password);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
