package parc.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The systemd unit and the user of the operations guide, as written there: systemd itself
 * checks the unit, the {@code useradd} line creates the user (once per machine), and Parc
 * then runs as systemd would run it: as that user, with the unit's umask, in the state
 * folder systemd makes (owner the user, the unit's mode), from a copy of Parc laid out as
 * in {@code /opt/parc}. Its embedded PostgreSQL runs as that user too, its files stay the
 * user's alone, and SIGTERM ends it with the exit status the unit counts as success.
 */
class DocumentedSystemdUnitIT {

	private static final Pattern INI_BLOCK = Pattern.compile("```ini\n(.*?)```", Pattern.DOTALL);

	private static final Pattern USERADD = Pattern.compile("```sh\n(useradd [^\n]*)\n```");

	private final Path root = Path.of(System.getProperty("java.io.tmpdir"), "parc-unit-" + System.nanoTime());

	private Process parc;

	@AfterEach
	void stop() throws IOException {
		if (this.parc != null) {
			this.parc.destroyForcibly();
		}
		ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().orElse("").contains(this.root.toString()))
			.forEach((handle) -> {
				handle.destroy();
				handle.onExit().join();
			});
		// A copy of the jar and a PostgreSQL cluster: too big to leave behind at every
		// run.
		FileSystemUtils.deleteRecursively(this.root);
	}

	@Test
	void shouldRunParcAsTheGuidesUnitDoes() throws Exception {
		String guide = Files.readString(Path.of("..", "docs", "operations.md"));
		Matcher ini = INI_BLOCK.matcher(guide);
		assertThat(ini.find()).as("the unit in docs/operations.md").isTrue();
		String unitText = ini.group(1);
		Map<String, String> unit = serviceSection(unitText);

		Path unitFile = Files.createDirectories(this.root).resolve("parc.service");
		Files.writeString(unitFile, unitText);
		List<String> complaints = run("systemd-analyze", "verify", unitFile.toString()).lines()
			// The one thing this machine lacks: Parc installed in /opt/parc.
			.filter((line) -> !line
				.equals("parc.service: Command /opt/parc/app/parc is not executable: " + "No such file or directory"))
			.filter((line) -> !line.isBlank())
			.toList();
		assertThat(complaints).as("systemd-analyze verify").isEmpty();

		String user = unit.get("User");
		if (run("id", "-u", user).isBlank() || !run("getent", "passwd", user).startsWith(user + ":")) {
			Matcher useradd = USERADD.matcher(guide);
			assertThat(useradd.find()).as("the useradd line of docs/operations.md").isTrue();
			run("sh", "-c", useradd.group(1));
		}
		assertThat(run("getent", "passwd", user)).startsWith(user + ":").contains(":/usr/sbin/nologin");

		Path install = Files.createDirectories(this.root.resolve("opt/parc/app/target"));
		Files.copy(Path.of("parc"), install.getParent().resolve("parc"), StandardCopyOption.COPY_ATTRIBUTES);
		Files.copy(Path.of("target", "parc.jar"), install.resolve("parc.jar"));
		// What systemd's StateDirectory= does: the folder made, given to the user, with
		// the unit's mode.
		Path state = Files.createDirectories(this.root.resolve("var/lib")).resolve(unit.get("StateDirectory"));
		run("chmod", "-R", "go+rX", this.root.toString());
		Files.createDirectory(state);
		run("chown", user + ":" + unit.get("Group"), state.toString());
		run("chmod", unit.get("StateDirectoryMode"), state.toString());

		int port = freePort();
		String execStart = unit.get("ExecStart")
			.replace("/opt/parc/", this.root.resolve("opt/parc") + "/")
			.replace("/var/lib/parc", state.toString());
		List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + unit.get("Group"),
				"--init-groups", "sh", "-c", "umask " + unit.get("UMask") + "; exec " + execStart + " --server.port="
						+ port + " --parc.deploy-server.https-port=0"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Files.createDirectories(Path.of("target", "it-logs")).resolve("systemd-unit.log").toFile());
		ProcessHandle.current()
			.info()
			.command()
			.map((java) -> Path.of(java).getParent().getParent())
			.ifPresent((home) -> builder.environment().put("JAVA_HOME", home.toString()));
		this.parc = builder.start();
		ParcHttpClient http = new ParcHttpClient("http://127.0.0.1:" + port);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			assertThat(this.parc.isAlive()).as("Parc exited early, see target/it-logs/systemd-unit.log").isTrue();
			return http.get("/actuator/health").body().contains("\"status\":\"UP\"");
		});

		assertThat(ownerAndMode(state)).isEqualTo(user + " rwx------");
		assertThat(ownerAndMode(state.resolve("postgres"))).isEqualTo(user + " rwx------");
		assertThat(ownerAndMode(state.resolve("vault/master.key"))).isEqualTo(user + " rw-------");
		assertThat(ownerAndMode(state.resolve("initial-admin-password"))).isEqualTo(user + " rw-------");
		assertThat(ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().orElse("").contains(state.resolve("postgres").toString()))
			.map((handle) -> handle.info().user().orElse("?"))
			.distinct()).as("the embedded PostgreSQL's owner").containsExactly(user);

		this.parc.destroy();
		assertThat(this.parc.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
		assertThat(Integer.toString(this.parc.exitValue())).isEqualTo(unit.get("SuccessExitStatus"));
	}

	private static Map<String, String> serviceSection(String unit) {
		Map<String, String> keys = new LinkedHashMap<>();
		boolean service = false;
		for (String line : unit.lines().toList()) {
			if (line.startsWith("[")) {
				service = line.equals("[Service]");
			}
			else if (service && line.contains("=")) {
				keys.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		return keys;
	}

	private static String ownerAndMode(Path path) throws IOException {
		return Files.getOwner(path).getName() + " "
				+ PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	/**
	 * Runs a command, returning what it printed; a failure of {@code id} is an empty
	 * answer.
	 */
	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		if (process.exitValue() != 0 && !command[0].equals("id") && !command[0].equals("getent")
				&& !command[0].equals("systemd-analyze")) {
			throw new AssertionError(String.join(" ", command) + " failed: " + output);
		}
		return (process.exitValue() == 0 || command[0].equals("systemd-analyze")) ? output : "";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
