package parc.routes.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.agent.AgentOverrides;
import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /ocsinventory} over real HTTP on real PostgreSQL, with the payloads the
 * real agent 2.10 sent, and every hostile or broken request of issue #4: each gets a 4xx
 * and leaves nothing behind.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
				"parc.agent.max-request-bytes=200000", "parc.agent.max-inflated-bytes=2000000" })
class AgentHttpRoutesTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgentService agents;

	OcsAgentClient agent;

	@BeforeEach
	void openServer() {
		this.agent = new OcsAgentClient(this.port);
		this.agents.updateSettings(AgentSettings.defaults(), null);
	}

	@Test
	void shouldAnswerUnknownDeviceProlgWithSendAndFrequency() {
		OcsAgentClient.Reply reply = this.agent.post(CapturedAgentPayloads.prologOf("prolog-newcomer"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.xml()).contains("<RESPONSE>SEND</RESPONSE>").contains("<PROLOG_FREQ>10</PROLOG_FREQ>");
	}

	@Test
	void shouldStoreCapturedInventoryAsNewAgentMachine() {
		OcsAgentClient.Reply reply = this.agent.post(CapturedAgentPayloads.inventoryOf("captured-debian", 1));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.xml()).contains("<RESPONSE>NO_ACCOUNT_UPDATE</RESPONSE>");
		long machineId = machineNamed("captured-debian");
		assertThat(
				this.jdbc.sql("select channel from machine where id = ?").param(machineId).query(String.class).single())
			.isEqualTo("OCS_AGENT");
		assertThat(count("select count(*) from inventory_software where machine_id = " + machineId))
			.isEqualTo(CapturedAgentPayloads.CAPTURED_SOFTWARE_COUNT);
		assertThat(this.jdbc.sql("select tag from machine_admin_data where machine_id = ?")
			.param(machineId)
			.query(String.class)
			.single()).isEqualTo("TEST-TAG");
	}

	@Test
	void shouldSendStopWhenLastInventoryIsRecentEnough() {
		this.agent.post(CapturedAgentPayloads.inventoryOf("weekly-agent", 2));
		AgentSettings weekly = new AgentSettings(7, 12, false, null, null, AgentSettings.DEFAULT_REALM, List.of(),
				"TAG");
		this.agents.updateSettings(weekly, null);

		OcsAgentClient.Reply reply = this.agent.post(CapturedAgentPayloads.prologOf("weekly-agent"));

		assertThat(reply.xml()).contains("<RESPONSE>STOP</RESPONSE>").contains("<PROLOG_FREQ>12</PROLOG_FREQ>");
	}

	@Test
	void shouldFollowTheMachinesOwnScheduleOverTheServers() {
		this.agent.post(CapturedAgentPayloads.inventoryOf("own-schedule", 10));
		long machineId = machineNamed("own-schedule");

		this.agents.updateOverrides(machineId, new AgentOverrides(-1, 48));
		OcsAgentClient.Reply never = this.agent.post(CapturedAgentPayloads.prologOf("own-schedule"));
		this.agents.updateOverrides(machineId, AgentOverrides.none());
		OcsAgentClient.Reply server = this.agent.post(CapturedAgentPayloads.prologOf("own-schedule"));

		assertThat(never.xml()).contains("<RESPONSE>STOP</RESPONSE>").contains("<PROLOG_FREQ>48</PROLOG_FREQ>");
		assertThat(server.xml()).contains("<RESPONSE>SEND</RESPONSE>").contains("<PROLOG_FREQ>10</PROLOG_FREQ>");
	}

	@Test
	void shouldAcknowledgeSnmpAndNotifyWithAnEmptyOk() {
		OcsAgentClient.Reply snmp = this.agent.post("""
				<?xml version="1.0" encoding="UTF-8"?>
				<REQUEST><DEVICEID>snmp-2026-11-22-14-34-14</DEVICEID><QUERY>SNMP</QUERY></REQUEST>
				""");
		OcsAgentClient.Reply notify = this.agent.post("""
				<?xml version="1.0" encoding="UTF-8"?>
				<REQUEST><DEVICEID>notify-2026-11-22-14-34-14</DEVICEID><QUERY>NOTIFY</QUERY><TYPE>IP</TYPE></REQUEST>
				""");

		assertThat(snmp.status()).isEqualTo(200);
		assertThat(snmp.body()).isEmpty();
		assertThat(notify.status()).isEqualTo(200);
		assertThat(notify.body()).isEmpty();
	}

	@Test
	void shouldTreatReplayedInventoryAsUnchanged() {
		String inventory = CapturedAgentPayloads.inventoryOf("replayed-agent", 3);
		assertThat(this.agent.post(inventory).status()).isEqualTo(200);

		assertThat(this.agent.post(inventory).status()).isEqualTo(200);

		long machineId = machineNamed("replayed-agent");
		assertThat(count("select count(*) from inventory_snapshot where machine_id = " + machineId)).isEqualTo(1);
		assertThat(count("select count(*) from inventory_change where machine_id = " + machineId)).isZero();
		assertThat(count("select count(*) from inventory_software where machine_id = " + machineId))
			.isEqualTo(CapturedAgentPayloads.CAPTURED_SOFTWARE_COUNT);
	}

	@Test
	void shouldFileRacingInventoriesOfOneDeviceUnderOneMachine() throws Exception {
		String first = CapturedAgentPayloads.inventoryOf("racing-agent", 4);
		String second = first.replace("<MEMORY>24105</MEMORY>", "<MEMORY>32768</MEMORY>");
		CyclicBarrier start = new CyclicBarrier(4);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> posts = List.of(first, second, first, second)
				.stream()
				.<Callable<Integer>>map((xml) -> () -> {
					start.await();
					return this.agent.post(xml).status();
				})
				.toList();
			for (Future<Integer> status : pool.invokeAll(posts)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("select count(*) from machine where name = 'racing-agent'")).isEqualTo(1);
		assertThat(count("select count(*) from agent_device where device_id = '"
				+ CapturedAgentPayloads.deviceId("racing-agent") + "'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from inventory_software s join machine m on m.id = s.machine_id "
				+ "where m.name = 'racing-agent'"))
			.isEqualTo(CapturedAgentPayloads.CAPTURED_SOFTWARE_COUNT);
	}

	@Test
	void shouldChallengeAgentsWithRealmWhenAuthenticationIsOn() {
		this.agents.updateSettings(new AgentSettings(0, 10, true, "ocsuser", null, "OCS Area", List.of(), "TAG"),
				"s3cret-pass");
		String prolog = CapturedAgentPayloads.prologOf("secured-agent");

		OcsAgentClient.Reply anonymous = this.agent.post(prolog);
		OcsAgentClient.Reply wrong = this.agent.post(prolog, "ocsuser", "wrong");
		OcsAgentClient.Reply right = this.agent.post(prolog, "ocsuser", "s3cret-pass");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.challenge()).isEqualTo("Basic realm=\"OCS Area\"");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(right.status()).isEqualTo(200);
		assertThat(right.xml()).contains("<RESPONSE>SEND</RESPONSE>");
	}

	@Test
	void shouldRefuseSourcesOutsideAllowList() {
		this.agents.updateSettings(
				new AgentSettings(0, 10, false, null, null, "OCS", List.of("192.0.2.0/24", "2001:db8::/32"), "TAG"),
				null);

		assertThat(this.agent.post(CapturedAgentPayloads.prologOf("outsider")).status()).isEqualTo(403);

		this.agents.updateSettings(new AgentSettings(0, 10, false, null, null, "OCS", List.of("127.0.0.0/8"), "TAG"),
				null);
		assertThat(this.agent.post(CapturedAgentPayloads.prologOf("insider")).status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseDoctypeWithExternalEntity() {
		assertRefusedAndNothingStored(this.agent.post("""
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE REQUEST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<REQUEST><CONTENT><HARDWARE><NAME>&xxe;</NAME></HARDWARE></CONTENT>
				<DEVICEID>xxe-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>
				"""), 400);
	}

	@Test
	void shouldRefuseEntityExpansion() {
		assertRefusedAndNothingStored(this.agent.post("""
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<REQUEST><CONTENT><HARDWARE><NAME>&lol3;</NAME></HARDWARE></CONTENT>
				<DEVICEID>lol-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>
				"""), 400);
	}

	@Test
	void shouldRefuseDeflateBomb() {
		byte[] bomb = deflatedZeros(64 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(200_000);

		assertRefusedAndNothingStored(this.agent.postBytes(bomb, "application/x-compress", null), 413);
	}

	@Test
	void shouldRefuseTruncatedZlib() {
		byte[] whole = CapturedAgentPayloads.zlib(CapturedAgentPayloads.inventoryOf("truncated", 5));
		byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

		assertRefusedAndNothingStored(this.agent.postBytes(truncated, "application/x-compress", null), 400);
	}

	@Test
	void shouldRefusePlainUncompressedXml() {
		String small = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><REQUEST><CONTENT><HARDWARE><NAME>plain</NAME>"
				+ "</HARDWARE></CONTENT><DEVICEID>plain-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>";

		assertRefusedAndNothingStored(
				this.agent.postBytes(small.getBytes(StandardCharsets.UTF_8), "application/x-compress", null), 400);
		assertThat(this.agent.post(small).status()).as("the same document, compressed").isEqualTo(200);
	}

	@Test
	void shouldRefuseWrongContentType() {
		byte[] body = CapturedAgentPayloads.zlib(CapturedAgentPayloads.inventoryOf("json-typed", 7));

		assertRefusedAndNothingStored(this.agent.postBytes(body, "application/json", null), 415);
		assertRefusedAndNothingStored(this.agent.postBytes(body, null, null), 415);
	}

	@Test
	void shouldRefuseBodyLargerThanCap() {
		byte[] large = new byte[300_000];
		new java.util.Random(4).nextBytes(large);
		large[0] = 0x78;
		large[1] = (byte) 0x9c;

		assertRefusedAndNothingStored(this.agent.postBytes(large, "application/x-compress", null), 413);
	}

	@Test
	void shouldRefuseUnknownQuery() {
		assertRefusedAndNothingStored(this.agent.post("""
				<?xml version="1.0" encoding="UTF-8"?>
				<REQUEST><DEVICEID>odd-2026-11-22-14-34-14</DEVICEID><QUERY>DROP_TABLES</QUERY></REQUEST>
				"""), 400);
	}

	@Test
	void shouldRefuseEmptyAndHugeDeviceIds() {
		String inventory = CapturedAgentPayloads.inventoryOf("device-id-check", 8);
		String empty = inventory.replace(CapturedAgentPayloads.deviceId("device-id-check"), "");
		String huge = inventory.replace(CapturedAgentPayloads.deviceId("device-id-check"),
				"x".repeat(10 * 1024) + "-2026-11-22-14-34-14");

		assertRefusedAndNothingStored(this.agent.post(empty), 400);
		assertRefusedAndNothingStored(this.agent.post(huge), 400);
	}

	@Test
	void shouldRefuseInvalidUtf8() {
		byte[] prefix = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><REQUEST><CONTENT><HARDWARE><NAME>"
			.getBytes(StandardCharsets.UTF_8);
		byte[] suffix = "</NAME></HARDWARE></CONTENT><DEVICEID>utf-2026-11-22-14-34-14</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"
			.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		xml.writeBytes(prefix);
		xml.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
		xml.writeBytes(suffix);

		assertRefusedAndNothingStored(
				this.agent.postBytes(CapturedAgentPayloads.zlib(xml.toByteArray()), "application/x-compress", null),
				400);
	}

	@Test
	void shouldStoreScriptTagsAsPlainText() {
		String script = "<script>alert(1)</script>";
		String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
		String inventory = CapturedAgentPayloads.inventoryOf("scripted", 9)
			.replace("<NAME>scripted</NAME>", "<NAME>scripted" + escaped + "</NAME>")
			.replace("<OSNAME>Debian GNU/Linux 12</OSNAME>", "<OSNAME>" + escaped + "</OSNAME>")
			.replaceFirst("<PUBLISHER>[^<]*</PUBLISHER>", "<PUBLISHER>" + escaped + "</PUBLISHER>")
			.replace("<KEYVALUE>TEST-TAG</KEYVALUE>", "<KEYVALUE>" + escaped + "</KEYVALUE>");

		assertThat(this.agent.post(inventory).status()).isEqualTo(200);

		long machineId = machineNamed("scripted" + script);
		assertThat(this.jdbc.sql("select os_name from machine_inventory where machine_id = ?")
			.param(machineId)
			.query(String.class)
			.single()).isEqualTo(script);
		assertThat(this.jdbc.sql("select tag from machine_admin_data where machine_id = ?")
			.param(machineId)
			.query(String.class)
			.single()).isEqualTo(script);
	}

	@Test
	void shouldAnswerDownloadReportsAndStoreThem() {
		OcsAgentClient.Reply reply = this.agent.post(
				"<REQUEST DEVICEID=\"pkg-2026-11-22-14-34-14\" ERR=\"SUCCESS\" ID=\"1700000001\" QUERY=\"DOWNLOAD\" />");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(count("select count(*) from agent_download_report where device_id = 'pkg-2026-11-22-14-34-14' "
				+ "and package_id = '1700000001' and result = 'SUCCESS'"))
			.isEqualTo(1);
	}

	@Test
	void shouldAnswerUpdateWithNoUpdate() {
		OcsAgentClient.Reply reply = this.agent.post(
				"<?xml version=\"1.0\"?><REQUEST><QUERY>UPDATE</QUERY><PLATFORM>WINDOWS</PLATFORM><AGENT>2.10</AGENT></REQUEST>");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.xml()).contains("<RESPONSE>NO_UPDATE</RESPONSE>");
	}

	@Test
	void shouldServeTagPromptLabelToWindowsAgents() throws Exception {
		this.agents.updateSettings(new AgentSettings(0, 10, false, null, null, "OCS", List.of(), "Bureau / Office"),
				null);

		java.net.http.HttpResponse<String> label = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/ocsinventory/deploy/label"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(label.statusCode()).isEqualTo(200);
		assertThat(label.body()).isEqualTo("Bureau / Office");
	}

	private void assertRefusedAndNothingStored(OcsAgentClient.Reply reply, int status) {
		long machines = count("select count(*) from machine");
		long snapshots = count("select count(*) from inventory_snapshot");
		assertThat(reply.status()).as(reply.text()).isEqualTo(status);
		assertThat(count("select count(*) from machine")).isEqualTo(machines);
		assertThat(count("select count(*) from inventory_snapshot")).isEqualTo(snapshots);
		// The server is unharmed: the next agent is served.
		assertThat(this.agent.post(CapturedAgentPayloads.prologOf("after-refusal")).status()).isEqualTo(200);
	}

	private long machineNamed(String name) {
		return this.jdbc.sql("select id from machine where name = ?").param(name).query(Long.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static byte[] deflatedZeros(int size) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
			byte[] zeros = new byte[64 * 1024];
			for (int written = 0; written < size; written += zeros.length) {
				deflater.write(zeros);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
