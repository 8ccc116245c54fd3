package parc.app;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.junit.jupiter.api.Test;

import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.testsupport.OpenSshServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which key exchange and cipher cost least, run on demand
 * ({@code bench/ssh-algorithms.sh}), never in the suite: Parc's SSH client (Apache MINA
 * SSHD) against Debian's OpenSSH on loopback, one algorithm at a time, everything else as
 * Parc sets it. For each key exchange, {@code bench.sessions} (40) sessions that log in
 * and run {@code true}: client and server CPU per session. For each cipher, one session
 * that pipes {@code bench.mebibytes} (128) MiB into {@code cat > /dev/null}: client and
 * server CPU per MiB. The server's CPU is the sshd listener's and every process it forked
 * and reaped. Figures go to {@code target/bench/ssh-algorithms.txt}; the order Parc
 * offers comes from them ({@link SshConnector#KEY_EXCHANGES},
 * {@link SshConnector#CIPHERS}).
 */
class SshAlgorithmsBench {

	private static final int SESSIONS = Integer.getInteger("bench.sessions", 40);

	private static final int MEBIBYTES = Integer.getInteger("bench.mebibytes", 128);

	private static final List<String> KEX = List.of("curve25519-sha256", "sntrup761x25519-sha512",
			"sntrup761x25519-sha512@openssh.com", "mlkem768x25519-sha256", "ecdh-sha2-nistp256",
			"diffie-hellman-group14-sha256");

	private static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
			"chacha20-poly1305@openssh.com", "aes128-ctr", "aes256-ctr");

	private final List<String> report = new ArrayList<>();

	private boolean quiet;

	@Test
	void shouldReportTheCostOfEachKeyExchangeAndCipher() throws Exception {
		try (OpenSshServer server = OpenSshServer.start(false)) {
			line("ssh algorithms: MINA SSHD client against %s on 127.0.0.1, %d cores, %s", OpenSshServer.version(),
					Runtime.getRuntime().availableProcessors(), java.time.Instant.now());
			// Twice: the first pass warms the client's JIT up for every algorithm, so
			// that the
			// first measured is not the slowest for that reason; only the second is
			// reported.
			for (boolean warmUp : new boolean[] { true, false }) {
				this.quiet = warmUp;
				line("key exchange, %d sessions each: client ms/session, server ms/session, sessions/s", SESSIONS);
				for (String kex : KEX) {
					measureKex(server, kex);
				}
				line("cipher, %d MiB through one session each: client ms/MiB, server ms/MiB, MiB/s", MEBIBYTES);
				for (String cipher : CIPHERS) {
					measureCipher(server, cipher);
				}
			}
			line("Parc offers key exchanges %s, ciphers %s", SshConnector.KEY_EXCHANGES, SshConnector.CIPHERS);
		}
		finally {
			Path file = Files.createDirectories(Path.of("target", "bench")).resolve("ssh-algorithms.txt");
			Files.write(file, this.report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING);
		}
	}

	private void measureKex(OpenSshServer server, String kex) throws Exception {
		try (SshClient client = client((c) -> c.setKeyExchangeFactories(
				c.getKeyExchangeFactories().stream().filter((factory) -> factory.getName().equals(kex)).toList()))) {
			if (client.getKeyExchangeFactories().isEmpty()) {
				line("  %-36s not offered by this MINA SSHD", kex);
				return;
			}
			client.start();
			try {
				run(client, server, "true");
			}
			catch (org.apache.sshd.common.SshException ex) {
				line("  %-36s not offered by this OpenSSH server", kex);
				return;
			}
			Cost cost = Cost.of(server, () -> {
				for (int i = 0; i < SESSIONS; i++) {
					run(client, server, "true");
				}
			});
			line("  %-36s %7.1f %7.1f %7.1f", kex, cost.clientSeconds() * 1000 / SESSIONS,
					cost.serverSeconds() * 1000 / SESSIONS, SESSIONS / cost.wallSeconds());
		}
	}

	private void measureCipher(OpenSshServer server, String cipher) throws Exception {
		try (SshClient client = client((c) -> c.setCipherFactories(
				c.getCipherFactories().stream().filter((factory) -> factory.getName().equals(cipher)).toList()))) {
			if (client.getCipherFactories().isEmpty()) {
				line("  %-36s not offered by this MINA SSHD", cipher);
				return;
			}
			client.start();
			byte[] chunk = new byte[1024 * 1024];
			new java.util.Random(1).nextBytes(chunk);
			Cost cost = Cost.of(server, () -> {
				try (ClientSession session = login(client, server);
						ChannelExec exec = session.createExecChannel("cat > /dev/null")) {
					exec.open().verify(Duration.ofSeconds(15));
					OutputStream in = exec.getInvertedIn();
					for (int i = 0; i < MEBIBYTES; i++) {
						in.write(chunk);
					}
					in.close();
					exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofMinutes(2));
					assertThat(exec.getExitStatus()).as(cipher).isZero();
				}
			});
			line("  %-36s %7.2f %7.2f %7.1f", cipher, cost.clientSeconds() * 1000 / MEBIBYTES,
					cost.serverSeconds() * 1000 / MEBIBYTES, MEBIBYTES / cost.wallSeconds());
		}
	}

	/** Parc's client settings, then the one change under test. */
	private static SshClient client(Consumer<SshClient> only) {
		SshClient client = SshClient.setUpDefaultClient();
		client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
		client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
		client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
		SshConnector.offerCheapestFirst(client);
		only.accept(client);
		return client;
	}

	private static ClientSession login(SshClient client, OpenSshServer server) throws Exception {
		ClientSession session = client.connect(server.user(), "127.0.0.1", server.port())
			.verify(Duration.ofSeconds(15))
			.getSession();
		session.addPasswordIdentity(server.password());
		session.auth().verify(Duration.ofSeconds(15));
		return session;
	}

	private static void run(SshClient client, OpenSshServer server, String command) throws Exception {
		try (ClientSession session = login(client, server)) {
			String output = session.executeRemoteCommand(command);
			assertThat(output).isEmpty();
		}
	}

	private void line(String format, Object... args) {
		if (this.quiet) {
			return;
		}
		String text = String.format(Locale.ROOT, format, args);
		System.out.println(text);
		this.report.add(text);
	}

	interface Work {

		void run() throws Exception;

	}

	/** CPU of this JVM (the client) and of the server, with wall time, over some work. */
	record Cost(double clientSeconds, double serverSeconds, double wallSeconds) {

		static Cost of(OpenSshServer server, Work work) throws Exception {
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			double clientBefore = os.getProcessCpuTime() / 1e9;
			double serverBefore = ProcStat.cpuSecondsWithChildren(server.pid());
			long start = System.nanoTime();
			work.run();
			double wall = (System.nanoTime() - start) / 1e9;
			double client = os.getProcessCpuTime() / 1e9 - clientBefore;
			// The session's processes are reaped, and so counted, once they ended.
			Thread.sleep(300);
			return new Cost(client, ProcStat.cpuSecondsWithChildren(server.pid()) - serverBefore, wall);
		}

	}

}
