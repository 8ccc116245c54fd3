package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parc.agentlessadapter.testsupport.OpenSshServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The adapter against a real OpenSSH server on loopback (issue #5, must-show 1).
 */
class OpenSshTargetIT {

	private static OpenSshServer server;

	private static InMemoryHostKeyStore hostKeys;

	private static SshConnector connector;

	@BeforeAll
	static void startServer() throws Exception {
		server = OpenSshServer.start();
		hostKeys = new InMemoryHostKeyStore();
		connector = new SshConnector(SshSettings.defaults(), hostKeys);
		connector.start();
	}

	@AfterAll
	static void stopServer() {
		if (connector != null) {
			connector.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void shouldRecordTheHostKeyAtFirstContactAndShowItsFingerprint() {
		try (RemoteSession session = connector.open(server.keyTarget())) {
			assertThat(session.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
		}
		KnownHostKey recorded = hostKeys.find("127.0.0.1", server.port()).orElseThrow();
		assertThat(recorded.fingerprint()).isEqualTo(server.hostKeyFingerprint());
		assertThat(recorded.keyType()).isEqualTo("ssh-ed25519");
		assertThat(recorded.trusted()).isTrue();
	}

	@Test
	void shouldPushAFolderAndFindTheSameChecksumsOnTheTarget(@TempDir Path local) throws Exception {
		byte[] big = new byte[5 * 1024 * 1024];
		new Random(5).nextBytes(big);
		Files.write(local.resolve("payload.bin"), big);
		Files.createDirectories(local.resolve("conf"));
		Files.writeString(local.resolve("conf/settings.ini"), "[parc]\nanswer=42\n");
		Files.writeString(local.resolve("install.sh"), "#!/bin/sh\necho installed \"$@\"\n");
		WorkingDirectory directory = WorkingDirectory.forJob("push-it");

		PushReport report;
		try (RemoteSession session = connector.open(server.keyTarget())) {
			report = session.push(new PushRequest(local, directory, 0));
		}

		assertThat(report.protocol()).isEqualTo(TransferProtocol.SFTP);
		assertThat(report.files()).extracting(PushedFile::relativePath)
			.containsExactly("conf/settings.ini", "install.sh", "payload.bin");
		assertThat(report.bytesSent()).isEqualTo(Files.size(local.resolve("payload.bin"))
				+ Files.size(local.resolve("conf/settings.ini")) + Files.size(local.resolve("install.sh")));
		assertThat(report.files()).extracting(PushedFile::transfer).containsOnly(PushedFile.Transfer.SENT);
		for (PushedFile file : report.files()) {
			Path landed = server.home().resolve(directory.path()).resolve(file.relativePath());
			assertThat(LocalFile.sha256(landed)).as(file.relativePath())
				.isEqualTo(LocalFile.sha256(local.resolve(file.relativePath())))
				.isEqualTo(file.sha256());
		}
	}

	@Test
	void shouldStreamEachLineWithItsChannelThenTheExitCode() {
		List<OutputLine> streamed = new CopyOnWriteArrayList<>();
		CommandResult result;
		try (RemoteSession session = connector.open(server.keyTarget())) {
			result = session.run(
					RemoteCommand.of("echo first; echo warning >&2; sleep 0.3; echo \"second $1\"; exit 3", "argument"),
					streamed::add);
		}
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.timedOut()).isFalse();
		assertThat(result.stdout()).isEqualTo("first\nsecond argument");
		assertThat(result.stderr()).isEqualTo("warning");
		assertThat(streamed).extracting(OutputLine::text)
			.containsExactlyInAnyOrder("first", "warning", "second argument");
		OutputLine first = streamed.stream().filter((line) -> line.text().equals("first")).findFirst().orElseThrow();
		OutputLine second = streamed.stream()
			.filter((line) -> line.text().equals("second argument"))
			.findFirst()
			.orElseThrow();
		// The sleep between them shows the lines came as they were printed, not at the
		// end.
		assertThat(Duration.between(first.at(), second.at())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void shouldRunInTheWorkingDirectory(@TempDir Path local) throws Exception {
		Files.writeString(local.resolve("install.sh"), "#!/bin/sh\necho \"installing $1 in $(pwd)\"\n");
		WorkingDirectory directory = WorkingDirectory.forJob("run-here");
		try (RemoteSession session = connector.open(server.keyTarget())) {
			session.push(new PushRequest(local, directory, 0));
			CommandResult result = session.run(
					RemoteCommand.of("sh ./install.sh \"$1\"", "v1.2").inDirectory(directory.path()),
					OutputListener.NONE);
			assertThat(result.stdout()).isEqualTo("installing v1.2 in " + server.home().resolve(directory.path()));
		}
	}

	@Test
	void shouldRunTheFilesACommandNamesWhenTheyComeExecutableOrAreMarkedSo(@TempDir Path local) throws Exception {
		// An uploaded file has no mode of its own; a file unpacked from an archive keeps
		// its owner's execute bit.
		Files.writeString(local.resolve("install.sh"), "#!/bin/sh\n./bin/tool \"$1\"\n");
		Files.createDirectories(local.resolve("bin"));
		Files.writeString(local.resolve("bin/tool"), "#!/bin/sh\necho \"tool ran with $1\"\n");
		Files.setPosixFilePermissions(local.resolve("bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(local.resolve("notes.txt"), "plain");
		WorkingDirectory directory = WorkingDirectory.forJob("executables");
		try (RemoteSession session = connector.open(server.keyTarget())) {
			session.push(new PushRequest(local, directory, 0, Set.of("install.sh")));
			CommandResult result = session
				.run(RemoteCommand.of("./install.sh \"$1\"", "v2").inDirectory(directory.path()), OutputListener.NONE);
			assertThat(result.stderr()).isEmpty();
			assertThat(result.exitCode()).isZero();
			assertThat(result.stdout()).isEqualTo("tool ran with v2");
		}
		Path landed = server.home().resolve(directory.path());
		assertThat(Files.getPosixFilePermissions(landed.resolve("notes.txt")))
			.doesNotContain(PosixFilePermission.OWNER_EXECUTE);
		assertThat(Files.getPosixFilePermissions(landed.resolve("install.sh")))
			.contains(PosixFilePermission.OWNER_EXECUTE);
	}

	@Test
	void shouldDeleteTheWorkingDirectory(@TempDir Path local) throws Exception {
		Files.writeString(local.resolve("a.txt"), "a");
		WorkingDirectory directory = WorkingDirectory.forJob("to-delete");
		try (RemoteSession session = connector.open(server.keyTarget())) {
			session.push(new PushRequest(local, directory, 0));
			assertThat(server.home().resolve(directory.path()).resolve("a.txt")).exists();
			session.delete(directory);
			session.delete(directory);
		}
		assertThat(server.home().resolve(directory.path())).doesNotExist();
		assertThat(server.home().resolve(".parc/work")).isDirectory();
	}

	@Test
	void shouldPullTheFirstFileOfAFolder(@TempDir Path local) throws Exception {
		server.writeAsUser("diag/b-second.txt", "second".getBytes(StandardCharsets.UTF_8));
		server.writeAsUser("diag/a-first.log", "first file".getBytes(StandardCharsets.UTF_8));
		Files.createDirectories(server.home().resolve("diag/0-a-folder"));
		Path target = local.resolve("pulled.bin");
		PulledFile pulled;
		try (RemoteSession session = connector.open(server.keyTarget())) {
			pulled = session.pullFirstFile("diag", 1024, target);
		}
		assertThat(pulled.remoteName()).isEqualTo("a-first.log");
		assertThat(pulled.size()).isEqualTo(10);
		assertThat(pulled.modifiedAt()).isNotNull();
		assertThat(target).hasContent("first file");
	}

	@Test
	void shouldRefuseToPullAFileAboveTheCap(@TempDir Path local) throws Exception {
		server.writeAsUser("big-diag/dump.bin", new byte[4096]);
		try (RemoteSession session = connector.open(server.keyTarget())) {
			assertThatThrownBy(() -> session.pullFirstFile("big-diag", 1000, local.resolve("x")))
				.isInstanceOf(SshException.class)
				.hasMessageContaining("dump.bin")
				.hasMessageContaining("4096 bytes, above the 1000-byte cap");
		}
		assertThat(local.resolve("x")).doesNotExist();
	}

	@Test
	void shouldKillTheWholeCommandAtItsTimeLimit() throws Exception {
		String marker = "600" + new Random().nextInt(1000);
		CommandResult result;
		try (RemoteSession session = connector.open(server.keyTarget())) {
			result = session.run(RemoteCommand.of("echo started; sleep " + marker + "; echo never")
				.withTimeLimit(Duration.ofSeconds(2)), OutputListener.NONE);
		}
		assertThat(result.timedOut()).isTrue();
		assertThat(result.exitCode()).isNull();
		assertThat(result.stdout()).isEqualTo("started");
		assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
		// The signal reached the process group: the child sleep is gone too.
		await().atMost(Duration.ofSeconds(5)).until(() -> !processRunning("sleep " + marker));
	}

	@Test
	void shouldPassShellMetacharactersAsData() {
		List<String> hostile = List.of("a; touch pwned1", "$(touch pwned2)", "`touch pwned3`", "it's", "a\"b", "*",
				"| touch pwned4", "&& touch pwned5", "new\nline", "$HOME", "\\");
		CommandResult result;
		try (RemoteSession session = connector.open(server.keyTarget())) {
			result = session.run(RemoteCommand.of("for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done",
					hostile.toArray(new String[0])), OutputListener.NONE);
		}
		assertThat(result.exitCode()).isZero();
		String expected = hostile.stream().map((argument) -> "[" + argument + "]").reduce((a, b) -> a + "\n" + b).get();
		assertThat(result.stdout()).isEqualTo(expected);
		assertThat(server.home().toFile().list()).noneMatch((name) -> name.startsWith("pwned"));
	}

	@Test
	void shouldPullFromAFolderWhoseNameHoldsShellMetacharacters(@TempDir Path local) throws Exception {
		String folder = "diag; touch pwned6 $(touch pwned7)";
		server.writeAsUser(folder + "/report.txt", "ok".getBytes(StandardCharsets.UTF_8));
		try (RemoteSession session = connector.open(server.keyTarget())) {
			PulledFile pulled = session.pullFirstFile(folder, 100, local.resolve("r"));
			assertThat(pulled.remoteName()).isEqualTo("report.txt");
		}
		assertThat(server.home().toFile().list()).noneMatch((name) -> name.startsWith("pwned"));
	}

	@Test
	void shouldAuthenticateWithAPassword() {
		try (RemoteSession session = connector.open(server.passwordTarget())) {
			assertThat(session.run(RemoteCommand.of("id -un"), OutputListener.NONE).stdout()).isEqualTo(server.user());
		}
	}

	@Test
	void shouldDownloadOnTheTargetAndVerifyTheChecksum() throws Exception {
		byte[] content = "package content\n".getBytes(StandardCharsets.UTF_8);
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		http.createContext("/files/pkg.tar", (exchange) -> {
			exchange.sendResponseHeaders(200, content.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(content);
			}
		});
		http.start();
		try (RemoteSession session = connector.open(server.keyTarget())) {
			String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/files/pkg.tar";
			String sha256 = sha256(content);
			DownloadReport report = session.download(new DownloadRequest(url, WorkingDirectory.forJob("pull-mode"),
					"pkg.tar", sha256, Duration.ofSeconds(30)));
			assertThat(report.tool()).isIn("curl", "wget");
			assertThat(report.sha256()).isEqualTo(sha256);
			assertThat(server.home().resolve(".parc/work/pull-mode/pkg.tar")).hasBinaryContent(content);

			String wrong = "0".repeat(64);
			assertThatThrownBy(() -> session.download(new DownloadRequest(url, WorkingDirectory.forJob("pull-mode"),
					"pkg.tar", wrong, Duration.ofSeconds(30))))
				.isInstanceOf(SshException.class)
				.hasMessageContaining("instead of " + wrong);
		}
		finally {
			http.stop(0);
		}
	}

	private static String sha256(byte[] content) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
	}

	private static boolean processRunning(String commandLine) throws IOException {
		try (var pids = Files.list(Path.of("/proc"))) {
			return pids.filter((path) -> path.getFileName().toString().matches("\\d+")).anyMatch((path) -> {
				try {
					String cmdline = Files.readString(path.resolve("cmdline")).replace('\0', ' ').trim();
					return cmdline.equals(commandLine);
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
	}

}
