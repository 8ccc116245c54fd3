package parc.agentlessadapter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import parc.agentlessadapter.ssh.RemoteSystem;
import parc.agentlessadapter.ssh.SshAuth;
import parc.agentlessadapter.ssh.SshTarget;

/**
 * A real OpenSSH {@code sshd} (Debian's openssh-server) on a free 127.0.0.1 port, with a
 * generated ed25519 host key and a throwaway login that has its own generated key and a
 * password. Needs root (to create the login) and the package, which
 * {@code scripts/install-test-packages.sh} installs; fails with that advice otherwise.
 * {@link #close()} stops the server and removes the login and every file.
 */
public final class OpenSshServer implements AutoCloseable {

	private static final Path SSHD = Path.of("/usr/sbin/sshd");

	private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");

	private final Path folder;

	private final String user;

	private final String password;

	private final Path home;

	private final String address;

	private final int port;

	private final Process process;

	private final String clientKey;

	private final String hostKeyFingerprint;

	private OpenSshServer(Path folder, String user, String password, Path home, String address, int port,
			Process process, String clientKey, String hostKeyFingerprint) {
		this.folder = folder;
		this.address = address;
		this.user = user;
		this.password = password;
		this.home = home;
		this.port = port;
		this.process = process;
		this.clientKey = clientKey;
		this.hostKeyFingerprint = hostKeyFingerprint;
	}

	/** Starts a server with an SFTP subsystem. */
	public static OpenSshServer start() throws IOException, InterruptedException {
		return start(true);
	}

	public static OpenSshServer start(boolean sftp) throws IOException, InterruptedException {
		return start(sftp, List.of(), "127.0.0.1", freePort());
	}

	/**
	 * Starts a server inside a network namespace, listening on one of its addresses.
	 * @param namespace as {@code ip netns} names it
	 */
	public static OpenSshServer startInNamespace(String namespace, String address, int port)
			throws IOException, InterruptedException {
		return start(false, List.of("ip", "netns", "exec", namespace), address, port);
	}

	private static OpenSshServer start(boolean sftp, List<String> launcher, String address, int port)
			throws IOException, InterruptedException {
		if (!Files.isExecutable(SSHD)) {
			throw new IllegalStateException("OpenSSH's sshd is missing: run scripts/install-test-packages.sh as root"
					+ " (apt-get install openssh-server)");
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("the real-sshd tests create a throwaway login and must run as root");
		}
		Path folder = Files.createTempDirectory("parc-sshd-");
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		String user = "parcssh" + HexFormat.of().formatHex(random);
		String password = "pw-" + HexFormat.of().formatHex(random) + "-Secret!";
		Path home = folder.resolve("home");
		run("useradd", "--no-create-home", "--home-dir", home.toString(), "--shell", "/bin/sh", user);
		Files.createDirectories(home);
		run("chown", user + ":", home.toString());
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		runWithInput(user + ":" + password + "\n", "chpasswd");
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "parc-test-host", "-f",
				folder.resolve("host_ed25519_key").toString());
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "parc-test-client", "-f",
				folder.resolve("key_ed25519").toString());
		Files.copy(folder.resolve("key_ed25519.pub"), folder.resolve("authorized_keys"));
		String hostFingerprint = run("ssh-keygen", "-l", "-E", "sha256", "-f",
				folder.resolve("host_ed25519_key.pub").toString())
			.split(" ")[1];
		Files.createDirectories(Path.of("/run/sshd"));
		List<String> config = new ArrayList<>(List.of("ListenAddress " + address, "Port " + port,
				"HostKey " + folder.resolve("host_ed25519_key"), "PidFile " + folder.resolve("sshd.pid"),
				"AuthorizedKeysFile " + folder.resolve("authorized_keys"), "PasswordAuthentication yes",
				"KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no", "PermitRootLogin no",
				"AllowUsers " + user, "MaxStartups 100:30:200", "MaxSessions 50", "LogLevel VERBOSE"));
		if (sftp) {
			config.add("Subsystem sftp " + SFTP_SERVER);
		}
		Path configFile = folder.resolve("sshd_config");
		Files.write(configFile, config);
		List<String> command = new ArrayList<>(launcher);
		command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", configFile.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder.resolve("sshd.log").toFile())
			.start();
		OpenSshServer server = new OpenSshServer(folder, user, password, home, address, port, process,
				Files.readString(folder.resolve("key_ed25519")), hostFingerprint);
		try {
			server.awaitBanner();
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	private void awaitBanner() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("sshd stopped at start: " + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(this.address, this.port), 500);
				socket.setSoTimeout(2000);
				InputStream in = socket.getInputStream();
				byte[] banner = new byte[4];
				if (in.readNBytes(banner, 0, 4) == 4 && new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("sshd did not answer on port " + this.port + ": " + log());
	}

	/** What sshd printed: for assertion messages. */
	public String log() throws IOException {
		Path log = this.folder.resolve("sshd.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static String run(String... command) throws IOException, InterruptedException {
		return runWithInput(null, command);
	}

	private static String runWithInput(String input, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (input != null) {
			process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
		}
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output.trim();
	}

	public int port() {
		return this.port;
	}

	public String user() {
		return this.user;
	}

	/**
	 * The login's home folder, on this machine's disk: tests look at what landed there.
	 */
	public Path home() {
		return this.home;
	}

	/**
	 * OpenSSH's SHA-256 fingerprint of the server's host key, as {@code ssh-keygen -l}
	 * prints it.
	 */
	public String hostKeyFingerprint() {
		return this.hostKeyFingerprint;
	}

	/** The SHA-256 fingerprint of the login's key, as {@code ssh-keygen -l} prints it. */
	public String clientKeyFingerprint() throws IOException, InterruptedException {
		return run("ssh-keygen", "-l", "-E", "sha256", "-f", this.folder.resolve("key_ed25519.pub").toString())
			.split(" ")[1];
	}

	/** The login's password. */
	public String password() {
		return this.password;
	}

	/** The listening sshd, parent of every session's processes. */
	public long pid() {
		return this.process.pid();
	}

	/** What {@code sshd -V} says, e.g. "OpenSSH_9.2, OpenSSL 3.0.19 27 Jan 2026". */
	public static String version() throws IOException, InterruptedException {
		Process process = new ProcessBuilder(SSHD.toString(), "-V").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output.lines().filter((line) -> line.startsWith("OpenSSH")).findFirst().orElse(output.strip());
	}

	/** The login's private key, OpenSSH format. */
	public String clientKey() {
		return this.clientKey;
	}

	public SshTarget keyTarget() {
		return new SshTarget(this.address, this.port, this.user, SshAuth.privateKey(this.clientKey, null),
				RemoteSystem.UNIX);
	}

	public SshTarget passwordTarget() {
		return new SshTarget(this.address, this.port, this.user, SshAuth.password(this.password), RemoteSystem.UNIX);
	}

	/** Makes a file in the home owned by the login, as if the login had made it. */
	public Path writeAsUser(String relative, byte[] content) throws IOException, InterruptedException {
		Path file = this.home.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.write(file, content);
		run("chown", "-R", this.user + ":", this.home.toString());
		return file;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			// Sessions' own sshd processes run as the login: end them before removing it.
			new ProcessBuilder("pkill", "-KILL", "-u", this.user).start().waitFor(5, TimeUnit.SECONDS);
			run("userdel", this.user);
		}
		catch (IOException | InterruptedException | IllegalStateException ex) {
			// Best effort: a left-over login in a test machine is noise, not a failure.
		}
		try {
			run("rm", "-rf", "--", this.folder.toString());
		}
		catch (IOException | InterruptedException | IllegalStateException ex) {
			// As above.
		}
	}

}
