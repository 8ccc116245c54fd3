package parc.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README command 1 as an administrator lives it, on the packaged jar
 * ({@code target/parc.jar}): first start on an empty data folder, SIGTERM, second start
 * on the same data. Also records start time and memory in
 * {@code target/lifecycle-report.txt} for the closing note (a report, not a timed
 * assertion).
 */
class ParcLifecycleIT {

	private static final Pattern STARTED = Pattern.compile("Started ParcApplication in ([0-9.]+) seconds");

	private final Path dataDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

	private ParcJar parc;

	@org.junit.jupiter.api.BeforeEach
	void jar() throws IOException {
		this.parc = new ParcJar(this.dataDir);
	}

	@AfterEach
	void stopLeftovers() {
		this.parc.killAll();
	}

	@Test
	void shouldStartStopCleanlyAndKeepDataAcrossRestarts() throws Exception {
		ParcHttpClient http = this.parc.http();

		Process first = this.parc.start("first-start.log");
		Path passwordFile = this.dataDir.resolve("initial-admin-password");
		assertThat(passwordFile).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		String password = Files.readString(passwordFile).trim();
		assertThat(log("first-start.log")).contains("First start: Parc created the administrator account")
			.contains(password);
		assertThat(http.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		assertThat(http.get("/login").body()).contains("Parc");
		HttpResponse<String> created = http.sendJson("POST", "/api/machines", """
				{"name":"survivor","address":"192.0.2.40","osFamily":"LINUX","channel":"AGENTLESS_SSH"}""", "admin",
				password);
		assertThat(created.statusCode()).isEqualTo(201);
		report("first start", "first-start.log", first);

		stopWithSigterm(first);

		Process second = this.parc.start("second-start.log");
		assertThat(log("second-start.log")).doesNotContain("First start");
		assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);
		assertThat(http.get("/api/machines?name=survivor", "admin", password).body()).contains("\"totalElements\":1");
		report("second start", "second-start.log", second);

		stopWithSigterm(second);
	}

	/**
	 * Process.destroy() is SIGTERM on Linux: what systemd or an admin's Ctrl-C-less kill
	 * sends.
	 */
	private void stopWithSigterm(Process process) throws Exception {
		long start = System.nanoTime();
		process.destroy();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("Parc still running 30 s after SIGTERM").isTrue();
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(this.dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
		assertThat(ProcessHandle.allProcesses()
			.map((handle) -> handle.info().commandLine().orElse(""))
			.filter((line) -> line.contains(this.dataDir.toString()))).isEmpty();
		append("SIGTERM to exit: " + millis + " ms, embedded PostgreSQL stopped (no postmaster.pid, no process)");
	}

	private void report(String label, String logName, Process process) throws IOException {
		Matcher started = STARTED.matcher(log(logName));
		String seconds = started.find() ? started.group(1) : "?";
		String rss = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))
			.stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.findFirst()
			.orElse("VmRSS: ?");
		append(label + ": Started in " + seconds + " s; JVM " + rss.replaceAll("\\s+", " "));
	}

	private void append(String line) throws IOException {
		Files.writeString(Path.of("target", "lifecycle-report.txt"), line + System.lineSeparator(),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private String log(String name) throws IOException {
		return this.parc.log(name);
	}

}
