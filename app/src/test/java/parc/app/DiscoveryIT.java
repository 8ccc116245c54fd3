package parc.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.agentlessadapter.testsupport.NamespaceNetwork;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server sweep through the public API, of a documentation /24 built from network
 * namespaces: a real sshd (registered as a machine, with its MAC), a host answering ICMP
 * only, a printer-like host listening on 9100 and a silent one. The sweep finds the first
 * three, classified, with their MACs, the sshd host matched to its machine; once the ICMP
 * host is gone, the next sweep marks it absent. Names are not looked up: no DNS query
 * leaves this host.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "parc.discovery.absent-after=1", "parc.discovery.reverse-dns=false" })
class DiscoveryIT {

	static NamespaceNetwork network;

	static NamespaceNetwork.Host sshHost;

	static NamespaceNetwork.Host pingHost;

	static NamespaceNetwork.Host printerHost;

	static NamespaceNetwork.Host silentHost;

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	ParcHttpClient http;

	String adminPassword;

	final Deque<String> created = new ArrayDeque<>();

	final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	static void buildNetwork() throws Exception {
		NamespaceNetwork.FourHosts lab = NamespaceNetwork.createWithFourHosts();
		network = lab.network();
		sshHost = lab.ssh();
		pingHost = lab.ping();
		printerHost = lab.printer();
		silentHost = lab.silent();
	}

	@AfterAll
	static void tearDown() {
		if (network != null) {
			network.close();
		}
	}

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
	void shouldFindClassifyAndMatchTheHostsOfASweptNetworkThenMarkTheGoneOneAbsent() throws Exception {
		JsonNode credential = call("POST", "/api/credentials", """
				{"name": "discovery key", "type": "PASSWORD", "username": "nobody", "password": "unused-%d"}
				""".formatted(System.nanoTime()), 201);
		this.created.addLast("/api/credentials/" + credential.path("id").asLong());
		JsonNode machine = call("POST", "/api/machines", """
				{"name": "registered-sshd", "address": "%s", "macAddresses": ["%s"], "osFamily": "LINUX",
				 "channel": "AGENTLESS_SSH", "credentialId": %d}
				""".formatted(sshHost.address(), sshHost.mac(), credential.path("id").asLong()), 201);
		this.created.addFirst("/api/machines/" + machine.path("id").asLong());
		JsonNode lab = call("POST", "/api/networks", """
				{"name": "test lab", "address": "%s", "site": "namespaces"}
				""".formatted(network.cidr()), 201);
		long networkId = lab.path("id").asLong();
		this.created.addFirst("/api/networks/" + networkId);

		JsonNode first = sweep(networkId);

		assertThat(first.path("state").asText()).isEqualTo("DONE");
		assertThat(first.path("planned").asInt()).as("the 254 hosts but this server's own address").isEqualTo(253);
		assertThat(first.path("probed").asInt()).isEqualTo(253);
		assertThat(first.path("found").asInt()).isEqualTo(3);
		List<JsonNode> devices = devices(networkId, "");
		assertThat(devices).extracting((device) -> device.path("address").asText())
			.containsExactly(sshHost.address(), pingHost.address(), printerHost.address());
		JsonNode ssh = devices.get(0);
		assertThat(ssh.path("deviceClass").asText()).isEqualTo("LINUX_UNIX");
		assertThat(ssh.path("sshBanner").asText()).startsWith("SSH-2.0-OpenSSH_");
		assertThat(ssh.path("mac").asText()).isEqualTo(sshHost.mac());
		assertThat(ssh.path("state").asText()).as("matched to its registry entry by MAC").isEqualTo("MACHINE");
		assertThat(ssh.path("machineId").asLong()).isEqualTo(machine.path("id").asLong());
		JsonNode ping = devices.get(1);
		assertThat(ping.path("deviceClass").asText()).isEqualTo("UNKNOWN");
		assertThat(ping.path("openPorts")).isEmpty();
		assertThat(ping.path("mac").asText()).isEqualTo(pingHost.mac());
		assertThat(ping.path("state").asText()).isEqualTo("UNKNOWN");
		JsonNode printer = devices.get(2);
		assertThat(printer.path("deviceClass").asText()).isEqualTo("NETWORK_DEVICE_OR_PRINTER");
		assertThat(printer.path("openPorts").toString()).isEqualTo("[9100]");
		assertThat(printer.path("mac").asText()).isEqualTo(printerHost.mac());
		JsonNode counts = call("GET", "/api/networks/" + networkId, null, 200).path("counts");
		assertThat(counts.path("unknown").asInt()).isEqualTo(2);
		assertThat(counts.path("machines").asInt()).isEqualTo(1);

		network.removeHost("ping");
		JsonNode second = sweep(networkId);

		assertThat(second.path("found").asInt()).isEqualTo(2);
		assertThat(devices(networkId, "?state=ABSENT")).singleElement()
			.satisfies((device) -> assertThat(device.path("address").asText()).isEqualTo(pingHost.address()));
		assertThat(devices(networkId, "?state=UNKNOWN")).extracting((device) -> device.path("address").asText())
			.containsExactly(printerHost.address());
	}

	@Test
	void shouldRefuseASecondSweepOfANetworkWhileOneRunsAndStopOnRequest() throws Exception {
		JsonNode lab = call("POST", "/api/networks", """
				{"name": "stop lab", "address": "%s"}
				""".formatted(network.cidr().replace(".0/24", ".128/25")), 201);
		long networkId = lab.path("id").asLong();
		this.created.addFirst("/api/networks/" + networkId);

		JsonNode started = call("POST", "/api/networks/" + networkId + "/sweeps", "", 202);
		HttpResponse<String> again = this.http.sendJson("POST", "/api/networks/" + networkId + "/sweeps", "", "admin",
				this.adminPassword);
		JsonNode stopped = call("POST",
				"/api/networks/" + networkId + "/sweeps/" + started.path("id").asLong() + "/stop", "", 200);

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("is still running");
		assertThat(stopped.path("error").asText()).isEqualTo("stopped by admin");
		String path = "/api/networks/" + networkId + "/sweeps/" + started.path("id").asLong();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "STOPPED".equals(call("GET", path, null, 200).path("state").asText()));
		assertThat(call("GET", path, null, 200).path("probed").asInt()).isLessThan(126);
	}

	@Test
	void shouldScanOneAddressAndRefuseWhatIsNotOne() throws Exception {
		JsonNode lab = call("POST", "/api/networks", """
				{"name": "scan lab", "address": "%s"}
				""".formatted(network.cidr()), 201);
		this.created.addFirst("/api/networks/" + lab.path("id").asLong());
		JsonNode scan = call("POST", "/api/scan", """
				{"address": "%s"}
				""".formatted(printerHost.address()), 200);

		assertThat(scan.path("report").path("answered").asBoolean()).isTrue();
		assertThat(scan.path("report").path("openPorts").toString()).isEqualTo("[9100]");
		assertThat(scan.path("device").path("source").asText()).isEqualTo("SCAN");
		assertThat(scan.path("networkId").asLong()).isEqualTo(lab.path("id").asLong());
		for (String refused : List.of("224.0.0.1", "255.255.255.255", "0.0.0.0", "127.0.0.1", "not an address",
				network.cidr(), "; rm -rf /", network.address(0), network.address(255))) {
			HttpResponse<String> answer = this.http.sendJson("POST", "/api/scan",
					this.json.writeValueAsString(java.util.Map.of("address", refused)), "admin", this.adminPassword);
			assertThat(answer.statusCode()).as(refused).isEqualTo(400);
			assertThat(answer.body()).contains("\"field\":\"address\"");
		}
	}

	private JsonNode sweep(long networkId) throws Exception {
		JsonNode started = call("POST", "/api/networks/" + networkId + "/sweeps", "", 202);
		String path = "/api/networks/" + networkId + "/sweeps/" + started.path("id").asLong();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !"RUNNING".equals(call("GET", path, null, 200).path("state").asText()));
		return call("GET", path, null, 200);
	}

	private List<JsonNode> devices(long networkId, String query) throws Exception {
		List<JsonNode> devices = new ArrayList<>();
		call("GET", "/api/networks/" + networkId + "/devices" + query, null, 200).path("content").forEach(devices::add);
		return devices;
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.adminPassword)
				: this.http.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

}
