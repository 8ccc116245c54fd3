package parc.routes.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.agent.AgentOverrides;
import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.agent.refusal.AgentRefusal;
import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.MachineInventory;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents other than the Unix agent 2.10 on {@code POST /ocsinventory}: the Windows
 * agent's requests (fixtures/ocs/windows, whose README says where each comes from), the
 * Content-Types and framings of FusionInventory, GLPI and Android agents, and the list of
 * refused requests an administrator reads when one of them is still refused.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
				"parc.agent.accept-uncompressed=true", "parc.test.context=other-agent-families" })
class OtherAgentFamiliesTest {

	static final String WINDOWS_AGENT = "OCS-NG_WINDOWS_AGENT_v2.4.0.0";

	static final String WINDOWS_DEVICE_ID = "PC0170-2018-11-26-13-02-24";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InventoryService inventories;

	@Autowired
	AgentRefusalService refusals;

	@Autowired
	AgentService agents;

	@Test
	void shouldFileTheWindowsInventoryWithRegistryAndSoftwareGuids() {
		OcsAgentClient.Reply reply = client().postAs(WINDOWS_AGENT, zlib(fixture("windows-10-inventory.xml")),
				"application/x-compressed", null);

		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.xml()).contains("<RESPONSE>NO_ACCOUNT_UPDATE</RESPONSE>");
		MachineInventory inventory = this.inventories.current(machineOf(WINDOWS_DEVICE_ID)).orElseThrow();
		assertThat(inventory.agentVersion()).isEqualTo(WINDOWS_AGENT);
		assertThat(this.jdbc.sql("select os_family from machine where id = ?")
			.param(inventory.machineId())
			.query(String.class)
			.single()).isEqualTo("WINDOWS");
		assertThat(inventory.document().hardware()).containsEntry("osname", "Microsoft Windows 10 Pro")
			.containsEntry("arch", "x86 64 bits")
			.containsEntry("winprodid", "XXXXX-10000-00001-AA616");
		assertThat(inventory.document().software()).hasSize(3)
			.anySatisfy((software) -> assertThat(software).containsEntry("guid", "Standard2021Volume - fr-fr")
				.containsEntry("bitswidth", "64")
				.containsEntry("language", "fr-fr"));
		assertThat(inventory.document().otherSections().get("registry")).containsExactly(
				Map.of("name", "Spotify", "regvalue",
						"C:\\Users\\xxxxxxxx\\AppData\\Roaming\\Spotify\\Spotify.exe /minimized"),
				Map.of("name", "Zoom", "regvalue",
						"C:\\Users\\xxxxxxxx\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe --autostart"));
		assertThat(inventory.document().downloadHistory()).containsExactly("1543231400");
	}

	@Test
	void shouldKeepTheMachineAndItsHistoryWhenTheWindowsAgentNamesItsOldDeviceId() {
		OcsAgentClient client = client();
		String first = fixture("windows-10-inventory.xml").replace("PC0170", "PC0171");
		String replaced = fixture("windows-new-network-card-inventory.xml").replace("PC0170", "PC0171");
		assertThat(client.postAs(WINDOWS_AGENT, zlib(first), "application/x-compressed", null).status()).isEqualTo(200);
		long machineId = machineOf("PC0171-2018-11-26-13-02-24");
		long machines = count("select count(*) from machine");
		this.agents.updateOverrides(machineId, new AgentOverrides(3, 12));

		OcsAgentClient.Reply reply = client.postAs(WINDOWS_AGENT, zlib(replaced), "application/x-compressed", null);

		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(machineOf("PC0171-2022-02-03-12-05-56")).as("the new DEVICEID's machine").isEqualTo(machineId);
		assertThat(count("select count(*) from machine")).isEqualTo(machines);
		assertThat(count("select count(*) from inventory_change where machine_id = " + machineId))
			.as("changes recorded on the machine's own history")
			.isPositive();
		assertThat(this.inventories.current(machineId).orElseThrow().document().networks())
			.extracting((network) -> network.get("macaddr"))
			.containsExactly("48:2A:E3:2F:91:A4");
		assertThat(this.agents.overrides(machineId)).as("the machine's agent schedule, kept for the new DEVICEID")
			.isEqualTo(new AgentOverrides(3, 12));
	}

	@Test
	void shouldMakeANewMachineForANewNetworkCardWithoutOldDeviceId() {
		// The same change without OLD_DEVICEID: the MAC differs and nothing else
		// identifies the machine, so only OLD_DEVICEID kept it in the test above.
		OcsAgentClient client = client();
		String first = fixture("windows-10-inventory.xml").replace("PC0170", "PC0172");
		String replaced = fixture("windows-new-network-card-inventory.xml").replace("PC0170", "PC0172")
			.replaceAll("<OLD_DEVICEID>[^<]*</OLD_DEVICEID>", "");
		client.postAs(WINDOWS_AGENT, zlib(first), "application/x-compressed", null);

		client.postAs(WINDOWS_AGENT, zlib(replaced), "application/x-compressed", null);

		assertThat(machineOf("PC0172-2022-02-03-12-05-56")).isNotEqualTo(machineOf("PC0172-2018-11-26-13-02-24"));
	}

	@Test
	void shouldKeepTheWindowsExitCodeReport() {
		OcsAgentClient.Reply reply = client().postAs(WINDOWS_AGENT, zlib(fixture("windows-download-result.xml")),
				"application/x-compressed", null);

		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(this.jdbc.sql("select result from agent_download_report where device_id = ? and package_id = ?")
			.params(WINDOWS_DEVICE_ID, "1543231400")
			.query(String.class)
			.list()).containsExactly("EXIT_CODE_1603");
	}

	@Test
	void shouldAnswerFusionInventoryAndGlpiContentTypesInTheFramingTheyUsed() {
		OcsAgentClient client = client();
		String prolog = CapturedAgentPayloads.prologOf("fusion-family");

		OcsAgentClient.Reply zlib = client.postAs("FusionInventory-Agent_v2.6", zlib(prolog),
				"application/x-compress-zlib", null);
		OcsAgentClient.Reply gzip = client.postAs("FusionInventory-Agent_v2.6", gzip(prolog),
				"application/x-compress-gzip", null);
		OcsAgentClient.Reply plain = client.postAs("FusionInventory-Agent_v2.6",
				prolog.getBytes(StandardCharsets.UTF_8), "application/xml", null);

		assertThat(zlib.xml()).contains("<RESPONSE>SEND</RESPONSE>");
		assertThat(gunzip(gzip.body())).contains("<RESPONSE>SEND</RESPONSE>");
		assertThat(plain.text()).contains("<RESPONSE>SEND</RESPONSE>");
	}

	@Test
	void shouldAnswerTheAndroidAgentsGzipBodySentAsText() {
		// The Android agent posts its XML gzipped with Content-Type text/plain and
		// Content-Encoding gzip, a DEVICEID of the form android-<id>-<date>, and reads a
		// gzip reply.
		String prolog = "<REQUEST>\n  <DEVICEID>android-9774d56d682e549c-2026-12-06-02-21-31</DEVICEID>\n"
				+ "  <QUERY>PROLOG</QUERY>\n</REQUEST>";

		OcsAgentClient.Reply reply = client().postAs("OCS-NG_Android_agent_v2.2", gzip(prolog),
				"text/plain; charset=\"UTF-8\"", null);

		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(gunzip(reply.body())).contains("<RESPONSE>SEND</RESPONSE>");
	}

	@Test
	void shouldListRefusedRequestsWithTheAgentTheReasonAndHowOften() {
		OcsAgentClient client = client();
		byte[] body = zlib(CapturedAgentPayloads.prologOf("refused-family"));

		client.postAs("Curious-Agent_v0.1", body, "application/json", null);
		OcsAgentClient.Reply again = client.postAs("Curious-Agent_v0.1", body, "application/json", null);
		OcsAgentClient.Reply broken = client.postAs(WINDOWS_AGENT,
				zlib("<REQUEST><DEVICEID>" + WINDOWS_DEVICE_ID + "</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"),
				"application/x-compressed", null);

		assertThat(again.status()).isEqualTo(415);
		assertThat(again.text()).contains("application/json");
		assertThat(broken.status()).isEqualTo(400);
		List<AgentRefusal> listed = this.refusals.find("Curious-Agent", null, new PageRequest(0, 10)).content();
		assertThat(listed).singleElement().satisfies((refusal) -> {
			assertThat(refusal.status()).isEqualTo(415);
			assertThat(refusal.times()).isEqualTo(2);
			assertThat(refusal.remoteAddress()).isEqualTo("127.0.0.1");
			assertThat(refusal.reason()).contains("application/json");
		});
		assertThat(this.refusals.find("INVENTORY without CONTENT", null, new PageRequest(0, 10)).content())
			.singleElement()
			.satisfies((refusal) -> {
				assertThat(refusal.deviceId()).isEqualTo(WINDOWS_DEVICE_ID);
				assertThat(refusal.userAgent()).isEqualTo(WINDOWS_AGENT);
			});
	}

	@Test
	void shouldListWrongCredentialsButNotTheChallengeThatPrecedesThem() {
		// An agent's first request, answered by a 401 challenge, is how Basic
		// authentication starts, not a fault.
		this.agents.updateSettings(new AgentSettings(0, 10, true, "ocsuser", null, "OCS", List.of(), "TAG"), "s3cret");
		try {
			OcsAgentClient client = client();
			String prolog = CapturedAgentPayloads.prologOf("challenged");

			OcsAgentClient.Reply challenge = client.post(prolog);
			OcsAgentClient.Reply wrong = client.post(prolog, "ocsuser", "guess");

			assertThat(challenge.status()).isEqualTo(401);
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(this.refusals.find("credentials", null, new PageRequest(0, 10)).content()).singleElement()
				.satisfies((refusal) -> assertThat(refusal.reason()).isEqualTo("Wrong agent credentials"));
			assertThat(this.refusals.find("Authentication required", null, new PageRequest(0, 10)).content()).isEmpty();
		}
		finally {
			this.agents.updateSettings(AgentSettings.defaults(), null);
		}
	}

	private OcsAgentClient client() {
		return new OcsAgentClient(this.port);
	}

	private long machineOf(String deviceId) {
		return this.jdbc.sql("select machine_id from agent_device where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static String fixture(String name) {
		try (InputStream in = OtherAgentFamiliesTest.class.getResourceAsStream("/fixtures/ocs/windows/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] zlib(String xml) {
		return CapturedAgentPayloads.zlib(xml);
	}

	private static byte[] gzip(String xml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(xml.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String gunzip(byte[] body) {
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
