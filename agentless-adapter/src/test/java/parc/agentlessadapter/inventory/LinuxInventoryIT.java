package parc.agentlessadapter.inventory;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import parc.agentlessadapter.inventory.RemoteInventory.InterfaceFacts;
import parc.agentlessadapter.inventory.RemoteInventory.IpAddress;
import parc.agentlessadapter.ssh.InMemoryHostKeyStore;
import parc.agentlessadapter.ssh.RemoteSession;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshSettings;
import parc.agentlessadapter.testsupport.OpenSshServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agentless inventory of this very machine through a real sshd on loopback, checked
 * against what the JVM and dpkg see of it directly (issue #5, must-show 1).
 */
class LinuxInventoryIT {

	private static OpenSshServer server;

	private static SshConnector connector;

	private static RemoteInventory inventory;

	@BeforeAll
	static void collect() throws Exception {
		server = OpenSshServer.start();
		connector = new SshConnector(SshSettings.defaults(), new InMemoryHostKeyStore());
		connector.start();
		try (RemoteSession session = connector.open(server.keyTarget())) {
			inventory = new InventoryCollector(Duration.ofMinutes(2), Clock.systemUTC()).collect(session);
		}
	}

	@AfterAll
	static void stop() {
		if (connector != null) {
			connector.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void shouldFindTheOperatingSystemThisMachineRuns() throws Exception {
		Map<String, String> release = Files.readAllLines(Path.of("/etc/os-release"))
			.stream()
			.filter((line) -> line.contains("="))
			.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
					(line) -> line.substring(line.indexOf('=') + 1).replace("\"", ""), (a, b) -> b));
		assertThat(inventory.os().name()).isEqualTo(release.get("PRETTY_NAME"));
		assertThat(inventory.os().version()).isEqualTo(release.get("VERSION_ID"));
		assertThat(inventory.os().kernel()).isEqualTo(run("uname", "-r"));
		assertThat(inventory.os().architecture()).isEqualTo(run("uname", "-m"));
		assertThat(inventory.hostname()).isEqualTo(run("hostname"));
	}

	@Test
	void shouldFindTheInterfacesAndIpv4AddressesTheJvmSees() throws Exception {
		Map<String, Set<String>> expected = new TreeMap<>();
		Map<String, String> expectedMacs = new TreeMap<>();
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			expected.put(nic.getName(),
					nic.inetAddresses()
						.filter((address) -> address instanceof Inet4Address)
						.map((address) -> address.getHostAddress())
						.collect(Collectors.toCollection(TreeSet::new)));
			byte[] mac = nic.getHardwareAddress();
			if (mac != null && mac.length == 6) {
				expectedMacs.put(nic.getName(), HexFormat.ofDelimiter(":").formatHex(mac));
			}
		}
		Map<String, Set<String>> found = new TreeMap<>();
		for (InterfaceFacts nic : inventory.interfaces()) {
			found.put(nic.name(),
					nic.addresses()
						.stream()
						.filter((address) -> address.mask() != null)
						.map(IpAddress::address)
						.collect(Collectors.toCollection(TreeSet::new)));
		}
		// The JVM leaves out interfaces without any address (an ifb or a down bridge);
		// the inventory keeps them.
		assertThat(found.keySet()).containsAll(expected.keySet());
		found.keySet().retainAll(expected.keySet());
		assertThat(found).isEqualTo(expected);
		expectedMacs
			.forEach((name, mac) -> assertThat(inventory.interfaces()).filteredOn((nic) -> nic.name().equals(name))
				.extracting(InterfaceFacts::mac)
				.containsExactly(mac));
		InterfaceFacts loopback = inventory.interfaces()
			.stream()
			.filter((nic) -> nic.name().equals("lo"))
			.findFirst()
			.orElseThrow();
		assertThat(loopback.addresses()).contains(new IpAddress("127.0.0.1", 8, "255.0.0.0"));
	}

	@Test
	void shouldCountTheInstalledPackagesAsDpkgDoes() throws Exception {
		long installed = run("dpkg-query", "-W", "-f=${Status}\\n").lines()
			.filter((status) -> status.equals("install ok installed"))
			.count();
		assertThat(inventory.packages()).hasSize((int) installed);
		assertThat(inventory.packages()).anySatisfy((pkg) -> {
			assertThat(pkg.name()).isEqualTo("openssh-server");
			assertThat(pkg.version()).isEqualTo(run("dpkg-query", "-W", "-f=${Version}", "openssh-server"));
		});
	}

	@Test
	void shouldFindMemoryProcessorsAndFileSystems() throws Exception {
		long memTotalKb = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.findFirst()
			.orElseThrow();
		assertThat(inventory.memoryBytes()).isEqualTo(memTotalKb * 1024);
		int logical = inventory.cpus().stream().mapToInt(RemoteInventory.CpuFacts::threads).sum();
		assertThat(logical).isEqualTo(Integer.parseInt(run("nproc", "--all")));
		assertThat(inventory.cpus()).allSatisfy((cpu) -> assertThat(cpu.model()).isNotBlank());
		assertThat(inventory.filesystems()).isNotEmpty()
			.allSatisfy((fs) -> assertThat(fs.totalBytes()).isPositive().isGreaterThanOrEqualTo(fs.freeBytes()));
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			process.waitFor();
			return output;
		}
		catch (Exception ex) {
			throw new IllegalStateException(List.of(command).toString(), ex);
		}
	}

}
