package parc.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * OCS IP discovery with the real Debian agent 2.10: two agents inventory this host (as
 * two machines: duplicates are not merged in this test), sit on its network, are elected
 * in their next PROLOG, run the scan the option asks for, and Parc stores the hosts they
 * report. The agent's {@code ipdiscover} binary is stood in for by a script first on its
 * PATH that prints two documented answer lines: the real one would ARP-sweep a live
 * network (protocol §5.2).
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
				"parc.discovery.ipdiscover-agents=2", "parc.discovery.ipdiscover-latency-ms=100" })
class IpDiscoverIT {

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	ParcHttpClient http;

	String adminPassword;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void connect() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	@Test
	void shouldElectTwoAgentsOfANetworkAndStoreWhatTheirScansReport() throws Exception {
		// The 2.10 agent scans through the interface of the default route (§5.2).
		assumeThat(run("ip", "route")).as("this host has a default route").contains("default via");
		call("PUT", "/api/settings/inventory", "{\"inventoriesKept\": 5, \"duplicateCriteria\": []}", 200);
		RealOcsAgent first = new RealOcsAgent(this.port, Files.createTempDirectory("parc-ipdiscover-a-"));
		RealOcsAgent second = new RealOcsAgent(this.port, Files.createTempDirectory("parc-ipdiscover-b-"));
		assertThat(first.run().exitCode()).isZero();
		assertThat(second.run().exitCode()).isZero();
		JsonNode network = networkOfBoth();
		IPAddress block = new IPAddressString(network.path("address").asText()).getAddress();
		String printer = block.getLower().increment(5).withoutPrefixLength().toCanonicalString();
		String unnamed = block.getLower().increment(6).withoutPrefixLength().toCanonicalString();
		Path standIn = standInIpdiscover(printer, unnamed);

		RealOcsAgent.Run scanned = first.runWithFirstOnPath(standIn);
		second.runWithFirstOnPath(standIn);

		assertThat(scanned.exitCode()).isZero();
		assertThat(Files.readAllLines(standIn.resolve("calls.txt"))).as("the agents ran the scan with IPDISC_LAT")
			.hasSize(2)
			.allSatisfy((call) -> assertThat(call).endsWith(" 100"));
		JsonNode elected = call("GET", "/api/networks/" + network.path("id").asLong(), null, 200).path("agents");
		assertThat(elected).hasSize(2).allSatisfy((agent) -> assertThat(agent.path("lastScanAt").isNull()).isFalse());
		List<JsonNode> devices = new ArrayList<>();
		call("GET", "/api/networks/" + network.path("id").asLong() + "/devices", null, 200).path("content")
			.forEach(devices::add);
		assertThat(devices).extracting((device) -> device.path("address").asText()).contains(printer, unnamed);
		JsonNode found = devices.stream()
			.filter((device) -> device.path("address").asText().equals(printer))
			.findFirst()
			.orElseThrow();
		assertThat(found.path("source").asText()).isEqualTo("IPDISCOVER");
		assertThat(found.path("mac").asText()).isEqualTo("AA:BB:CC:DD:EE:01");
		assertThat(found.path("hostName").asText()).isEqualTo("printer1");
		assertThat(found.path("state").asText()).isEqualTo("UNKNOWN");
		assertThat(elected).extracting((agent) -> agent.path("deviceId").asText())
			.contains(found.path("reportedBy").asText());
	}

	/** The network both agents' inventories put them on. */
	private JsonNode networkOfBoth() throws Exception {
		for (JsonNode network : call("GET", "/api/networks?size=100", null, 200).path("content")) {
			if (network.path("ipVersion").asInt() == 4
					&& network.path("counts").path("inventoriedMachines").asInt() == 2
					&& network.path("prefix").asInt() >= 16) {
				return network;
			}
		}
		throw new AssertionError(
				"No IPv4 network holds both agents' machines: " + call("GET", "/api/networks?size=100", null, 200));
	}

	/** An {@code ipdiscover} that answers as the real one would, without probing. */
	private static Path standInIpdiscover(String printer, String unnamed) throws IOException {
		Path folder = Files.createTempDirectory("parc-ipdiscover-bin-");
		Path script = folder.resolve("ipdiscover");
		Files.writeString(script, """
				#!/bin/sh
				if [ $# -eq 0 ]; then echo "IPDISCOVER binary ver. 4"; exit 0; fi
				echo "$*" >> "%s"
				echo "<H><I>%s</I><M>aa:bb:cc:dd:ee:01</M><N>printer1</N></H>"
				echo "<H><I>%s</I><M>aa:bb:cc:dd:ee:02</M><N>-</N></H>"
				""".formatted(folder.resolve("calls.txt"), printer, unnamed));
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		return folder;
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return output;
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.adminPassword)
				: this.http.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

}
