package parc.agentlessadapter.discovery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import parc.agentlessadapter.probe.Pinger;
import parc.agentlessadapter.testsupport.NamespaceNetwork;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner against real hosts in network namespaces on a documentation /24: a real
 * sshd, a host that answers ICMP only, a printer-like host listening on 9100, and a
 * silent one behind a drop rule. Names are not looked up there, which would send DNS
 * queries off this host; the name lookup is tested on the loopback address, which
 * {@code /etc/hosts} answers.
 */
class AddressScannerTest {

	private static final List<Integer> PORTS = List.of(22, 80, 135, 139, 443, 445, 3389, 9100);

	static NamespaceNetwork network;

	static NamespaceNetwork.Host sshHost;

	static NamespaceNetwork.Host pingHost;

	static NamespaceNetwork.Host printerHost;

	static NamespaceNetwork.Host silentHost;

	static ExecutorService lookups = Executors.newCachedThreadPool();

	final AddressScanner scanner = new AddressScanner(Pinger.icmpOrTcpEcho(), new NeighbourTable(), lookups);

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
		lookups.shutdownNow();
	}

	@Test
	void shouldFindTheSshHostWithItsBannerAndMac() throws Exception {
		AddressScan scan = this.scanner.scan(sshHost.inetAddress(), PORTS, Duration.ofSeconds(1), false);

		assertThat(scan.answered()).isTrue();
		assertThat(scan.echo()).isTrue();
		assertThat(scan.openPorts()).containsExactly(22);
		assertThat(scan.sshBanner()).startsWith("SSH-2.0-OpenSSH_");
		assertThat(scan.mac()).isEqualTo(sshHost.mac());
	}

	@Test
	void shouldFindAHostThatOnlyAnswersEchoAndRefusesEveryPort() throws Exception {
		AddressScan scan = this.scanner.scan(pingHost.inetAddress(), PORTS, Duration.ofSeconds(1), false);

		assertThat(scan.echo()).isTrue();
		assertThat(scan.refused()).isTrue();
		assertThat(scan.openPorts()).isEmpty();
		assertThat(scan.sshBanner()).isNull();
		assertThat(scan.mac()).isEqualTo(pingHost.mac());
	}

	@Test
	void shouldFindThePrintersPort() throws Exception {
		AddressScan scan = this.scanner.scan(printerHost.inetAddress(), PORTS, Duration.ofSeconds(1), false);

		assertThat(scan.openPorts()).containsExactly(9100);
		assertThat(scan.mac()).isEqualTo(printerHost.mac());
	}

	@Test
	void shouldLookUpTheNameOfAnAddressThatAnswers() throws Exception {
		AddressScan scan = this.scanner.scan(java.net.InetAddress.getByName("127.0.0.1"), List.of(1),
				Duration.ofSeconds(1), true);

		assertThat(scan.answered()).isTrue();
		assertThat(scan.hostName()).isEqualTo("localhost");
	}

	@Test
	void shouldFindNothingAtASilentHostOrAnEmptyAddressWithinTheTimeLimit() throws Exception {
		long started = System.nanoTime();
		AddressScan silent = this.scanner.scan(silentHost.inetAddress(), PORTS, Duration.ofSeconds(1), false);
		AddressScan empty = this.scanner.scan(java.net.InetAddress.getByName(network.address(14)), PORTS,
				Duration.ofSeconds(1), false);

		assertThat(silent.answered()).isFalse();
		assertThat(silent.mac()).as("not asked for: it did not answer").isNull();
		assertThat(empty.answered()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one time limit each, not one per port")
			.isLessThan(Duration.ofSeconds(6));
	}

}
