package parc.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar ({@code target/parc.jar}) run as an administrator runs it, through the
 * launcher ({@code app/parc}), on one data folder and port, each start logged to
 * {@code target/it-logs/<name>}. Whatever is still running when the test ends is killed
 * by {@link #killAll}.
 */
final class ParcJar {

	private final Path dataDir;

	private final int port;

	private final int deployPort;

	private final List<Process> processes = new ArrayList<>();

	ParcJar(Path dataDir) throws IOException {
		this(dataDir, 0);
	}

	/** With the deployment server on a fixed port (0: any free one at each start). */
	ParcJar(Path dataDir, int deployPort) throws IOException {
		this.dataDir = dataDir;
		this.port = freePort();
		this.deployPort = deployPort;
	}

	/** A free port, for a server the test starts beside Parc. */
	static int anyFreePort() throws IOException {
		return freePort();
	}

	Path dataDir() {
		return this.dataDir;
	}

	/** The HTTP port, the same at every start. */
	int port() {
		return this.port;
	}

	ParcHttpClient http() {
		return new ParcHttpClient("http://127.0.0.1:" + this.port);
	}

	/** Starts Parc and waits until its health is UP. */
	Process start(String logName, String... arguments) throws IOException {
		return start(logName, List.of(), arguments);
	}

	/**
	 * The same with options for the JVM ({@code -Xmx...}), which come after the
	 * launcher's and so win over them.
	 */
	Process start(String logName, List<String> jvmOptions, String... arguments) throws IOException {
		Process process = launch(logName, jvmOptions, arguments);
		ParcHttpClient http = http();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			assertThat(process.isAlive()).as("Parc exited early, see target/it-logs/" + logName).isTrue();
			return http.get("/actuator/health").body().contains("\"status\":\"UP\"");
		});
		return process;
	}

	/**
	 * Starts Parc expecting it to refuse to start.
	 * @return its exit code
	 */
	int runUntilExit(String logName, String... arguments) throws IOException, InterruptedException {
		Process process = launch(logName, List.of(), arguments);
		if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("Parc did not exit, see target/it-logs/" + logName);
		}
		return process.exitValue();
	}

	private Process launch(String logName, List<String> jvmOptions, String... arguments) throws IOException {
		// The README's launcher, as an administrator runs it, on the JDK running the
		// tests.
		List<String> command = new ArrayList<>(List.of(Path.of("parc").toAbsolutePath().toString(),
				"--parc.data-dir=" + this.dataDir, "--server.port=" + this.port,
				// Any free port for the deployment server unless given: the default 8443
				// may be taken here.
				"--parc.deploy-server.https-port=" + this.deployPort));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logFile(logName).toFile());
		ProcessHandle.current()
			.info()
			.command()
			.map((java) -> Path.of(java).getParent().getParent())
			.ifPresent((home) -> builder.environment().put("JAVA_HOME", home.toString()));
		builder.environment().put("PARC_JAVA_OPTS", String.join(" ", jvmOptions));
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	String log(String name) throws IOException {
		return Files.readString(logFile(name));
	}

	void killAll() {
		this.processes.forEach(Process::destroyForcibly);
	}

	private static Path logFile(String name) throws IOException {
		return Files.createDirectories(Path.of("target", "it-logs")).resolve(name);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
