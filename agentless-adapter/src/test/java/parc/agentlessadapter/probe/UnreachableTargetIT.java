package parc.agentlessadapter.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import parc.agentlessadapter.ssh.InMemoryHostKeyStore;
import parc.agentlessadapter.ssh.RemoteSystem;
import parc.agentlessadapter.ssh.SshAuth;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshException;
import parc.agentlessadapter.ssh.SshSettings;
import parc.agentlessadapter.ssh.SshStep;
import parc.agentlessadapter.ssh.SshTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A target that is really unreachable (issue #5, must-show 2): an address behind a veth
 * pair whose far end stays down in a network namespace this test creates, so packets
 * leave this host's stack and nothing ever answers, not even ARP. Needs root and
 * iproute2.
 */
class UnreachableTargetIT {

	private static final String SUFFIX = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

	private static final String NAMESPACE = "parc-probe-" + SUFFIX;

	private static final String NEAR_END = "pv" + SUFFIX;

	/** RFC 2544's benchmarking range: never routed anywhere real. */
	private static final String TARGET = "198.18.47.2";

	@BeforeAll
	static void createSilentNetwork() throws Exception {
		ip("netns", "add", NAMESPACE);
		ip("link", "add", NEAR_END, "type", "veth", "peer", "name", "pw" + SUFFIX);
		ip("link", "set", "pw" + SUFFIX, "netns", NAMESPACE);
		ip("addr", "add", "198.18.47.1/30", "dev", NEAR_END);
		ip("link", "set", NEAR_END, "up");
	}

	@AfterAll
	static void removeSilentNetwork() throws Exception {
		ip("link", "del", NEAR_END);
		ip("netns", "del", NAMESPACE);
	}

	@Test
	void shouldShowRedWithinTheProbeBound() {
		Duration bound = Duration.ofMillis(500);
		ProbeResult result = new ReachabilityProbe(Pinger.icmpOrTcpEcho(), bound, bound).probe(TARGET, 22);

		assertThat(result.light()).isEqualTo(Light.RED);
		assertThat(result.pingAnswered()).isFalse();
		assertThat(result.detail()).contains("no answer to ping");
		// Two bounded steps, plus scheduling slack on a busy machine.
		assertThat(result.took()).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void shouldFailAtTheConnectStepWithinTheConnectTimeout() {
		try (SshConnector connector = new SshConnector(SshSettings.defaults().withConnectTimeout(Duration.ofSeconds(1)),
				new InMemoryHostKeyStore())) {
			connector.start();
			SshTarget target = new SshTarget(TARGET, 22, "root", SshAuth.password("x"), RemoteSystem.UNIX);
			long start = System.nanoTime();
			assertThatThrownBy(() -> connector.open(target)).isInstanceOf(SshException.class)
				.hasMessageStartingWith("SSH connect failed for root@" + TARGET + ":22")
				.extracting((ex) -> ((SshException) ex).step())
				.isEqualTo(SshStep.CONNECT);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	private static void ip(String... arguments) throws IOException, InterruptedException {
		String[] command = new String[arguments.length + 1];
		command[0] = "ip";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed (root and iproute2 needed): " + output);
		}
	}

}
