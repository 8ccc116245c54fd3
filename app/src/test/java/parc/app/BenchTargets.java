package parc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's targets: one OpenSSH sshd on loopback with {@code MaxStartups} raised,
 * and one throwaway login per target, each with its own home (so its own working folder),
 * all accepting one generated key. Logins are created in one {@code newusers} batch and
 * removed at the end; the sshd is Debian's, as a managed machine runs it.
 */
final class BenchTargets implements AutoCloseable {

	static final String PREFIX = "parcbench";

	private final Path folder;

	private final int count;

	private final int port;

	private final Process sshd;

	private final String clientKey;

	private BenchTargets(Path folder, int count, int port, Process sshd, String clientKey) {
		this.folder = folder;
		this.count = count;
		this.port = port;
		this.sshd = sshd;
		this.clientKey = clientKey;
	}

	static BenchTargets start(int count) throws IOException, InterruptedException {
		Path folder = Path.of("/tmp/parc-bench");
		run("rm", "-rf", "--", folder.toString());
		Files.createDirectories(folder.resolve("home"));
		run("chmod", "755", folder.toString(), folder.resolve("home").toString());
		StringBuilder batch = new StringBuilder();
		byte[] random = new byte[12];
		for (int i = 1; i <= count; i++) {
			new SecureRandom().nextBytes(random);
			String user = user(i);
			batch.append(user)
				.append(':')
				.append(HexFormat.of().formatHex(random))
				.append("::::")
				.append(folder.resolve("home").resolve(user))
				.append(":/bin/sh\n");
		}
		Path users = folder.resolve("users.txt");
		Files.writeString(users, batch);
		run("newusers", users.toString());
		Files.delete(users);
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "parc-bench-host", "-f",
				folder.resolve("host_ed25519_key").toString());
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "parc-bench-client", "-f",
				folder.resolve("key_ed25519").toString());
		Files.copy(folder.resolve("key_ed25519.pub"), folder.resolve("authorized_keys"));
		run("chmod", "644", folder.resolve("authorized_keys").toString());
		Files.createDirectories(Path.of("/run/sshd"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.write(folder.resolve("sshd_config"),
				List.of("ListenAddress 127.0.0.1", "Port " + port, "HostKey " + folder.resolve("host_ed25519_key"),
						"PidFile " + folder.resolve("sshd.pid"),
						"AuthorizedKeysFile " + folder.resolve("authorized_keys"), "PasswordAuthentication no",
						"KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no", "PermitRootLogin no",
						"AllowUsers " + PREFIX + "*", "MaxStartups 4000:30:8000", "MaxSessions 10", "LogLevel VERBOSE",
						"Subsystem sftp /usr/lib/openssh/sftp-server"));
		Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", folder.resolve("sshd_config").toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("sshd.log").toFile())
			.start();
		BenchTargets targets = new BenchTargets(folder, count, port, sshd,
				Files.readString(folder.resolve("key_ed25519")));
		targets.awaitListening();
		return targets;
	}

	static String user(int index) {
		return PREFIX + String.format("%04d", index);
	}

	int port() {
		return this.port;
	}

	String clientKey() {
		return this.clientKey;
	}

	Path clientKeyFile() {
		return this.folder.resolve("key_ed25519");
	}

	Path home(int index) {
		return this.folder.resolve("home").resolve(user(index));
	}

	/**
	 * The sshd master's CPU and that of its sessions, ended or still open (Parc keeps a
	 * machine's session a few seconds after its last phase), in seconds.
	 */
	double cpuSeconds() {
		return ProcStat.treeCpuSeconds(this.sshd.pid());
	}

	/**
	 * Logins the sshd accepted so far (its log says "Accepted publickey for ..." once per
	 * connection at level VERBOSE), and channels opened on them: commands run and SFTP
	 * sessions ("session opened" is not logged; "Starting session" is, once per channel).
	 */
	SshActivity activity() {
		try (java.util.stream.Stream<String> lines = Files.lines(this.folder.resolve("sshd.log"))) {
			long[] counts = new long[2];
			lines.forEach((line) -> {
				if (line.contains("Accepted publickey for ")) {
					counts[0]++;
				}
				else if (line.contains("Starting session: ")) {
					counts[1]++;
				}
			});
			return new SshActivity(counts[0], counts[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record SshActivity(long logins, long channels) {

		SshActivity minus(SshActivity before) {
			return new SshActivity(this.logins - before.logins, this.channels - before.channels);
		}

	}

	/** Established TCP connections to the sshd now. */
	int establishedSessions() {
		String hexPort = String.format(":%04X ", this.port);
		try {
			return (int) Files.readAllLines(Path.of("/proc/net/tcp"))
				.stream()
				.skip(1)
				.map(String::trim)
				.map((line) -> line.split("\\s+"))
				.filter((fields) -> (fields[1] + " ").endsWith(hexPort) && "01".equals(fields[3]))
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening() {
		org.awaitility.Awaitility.await("the bench sshd listening on " + this.port)
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
					return true;
				}
			});
	}

	@Override
	public void close() throws Exception {
		this.sshd.destroy();
		this.sshd.waitFor(10, TimeUnit.SECONDS);
		List<String> command = new ArrayList<>(List.of("sh", "-c", "seq -f '" + PREFIX + "%04g' 1 " + this.count
				+ " | xargs -P 4 -n 50 sh -c " + "'for u; do pkill -KILL -u \"$u\"; userdel \"$u\"; done' _"));
		new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor(5, TimeUnit.MINUTES);
		run("rm", "-rf", "--", this.folder.toString());
	}

	static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

}
