package parc.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

	/**
	 * The goals the launcher's settings are held to (#15): resident memory of the JVM.
	 */
	private static final long IDLE_GOAL_KIB = 700 * 1024;

	private static final long WALK_GOAL_KIB = 900 * 1024;

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
		long idle = report("first start", "first-start.log", first);
		assertThat(noise(log("first-start.log"))).as("ERROR or WARN lines an administrator can do nothing about")
			.isEmpty();
		assertThat(idle).as("JVM resident memory right after the first start, KiB").isLessThan(IDLE_GOAL_KIB);
		firstHourWalk(http, password);
		long walked = rssKib(first);
		append("after the first-hour walk: JVM VmRSS " + walked + " kB");
		assertThat(walked).as("JVM resident memory after the first-hour walk, KiB").isLessThan(WALK_GOAL_KIB);
		assertThat(noise(log("first-start.log"))).as("ERROR or WARN lines after the walk").isEmpty();

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

	/**
	 * The ERROR and WARN lines of a log, but the first start's notice of the
	 * administrator's password, which is meant to stand out.
	 */
	private static java.util.List<String> noise(String log) {
		return log.lines()
			// PostgreSQL's own lines come through the embedded server's logger at INFO.
			.filter((line) -> line.contains(" ERROR ") || line.contains(" WARN ") || line.contains("ERROR:")
					|| line.contains("WARNING:") || line.contains("FATAL:") || line.startsWith("ERROR"))
			.filter((line) -> !line.contains("FirstAdministratorInitializer"))
			.toList();
	}

	/**
	 * What a new administrator does in a first hour, minus the SSH target (the deployment
	 * ITs have their own): every console list in both languages, the API description,
	 * 2,000 machines from a CSV file, twenty offline agent inventories.
	 */
	private void firstHourWalk(ParcHttpClient http, String password) throws Exception {
		ParcHttpClient console = this.parc.http();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(console.get("/login").body());
		assertThat(token.find()).isTrue();
		console.postForm("/login", "username=admin&password=" + password + "&_csrf=" + token.group(1), "Accept",
				"text/html");
		StringBuilder csv = new StringBuilder("name,address\n");
		for (int i = 0; i < 2000; i++) {
			csv.append("walk-")
				.append(i)
				.append(",127.0.")
				.append(i / 250)
				.append('.')
				.append(i % 250 + 1)
				.append('\n');
		}
		assertThat(http
			.postMultipart("/api/machine-imports",
					List.of(new ParcHttpClient.Part("file", "fleet.csv", "text/csv", csv.toString().getBytes())),
					"admin", password)
			.statusCode()).isEqualTo(202);
		String inventory = Files.readString(
				Path.of("..", "ocs-agent", "src", "test", "resources", "fixtures", "ocs", "inventory-request.xml"));
		for (int i = 0; i < 20; i++) {
			String named = inventory.replaceAll("<DEVICEID>[^<]*</DEVICEID>",
					"<DEVICEID>walk-agent-" + i + "-2026-12-04-10-00-00</DEVICEID>");
			assertThat(http
				.postMultipart("/api/inventory/imports",
						List.of(new ParcHttpClient.Part("files", "agent-" + i + ".xml", "text/xml", named.getBytes())),
						"admin", password)
				.statusCode()).isEqualTo(200);
		}
		for (int round = 0; round < 3; round++) {
			for (String language : List.of("en", "fr")) {
				for (String page : List.of("/machines", "/machines?page=3", "/inventory", "/inventory/duplicates",
						"/packages", "/deployments", "/groups", "/quick-actions/runs", "/settings/credentials",
						"/settings/agents", "/users", "/machines/import")) {
					assertThat(console.get(page + (page.contains("?") ? "&" : "?") + "lang=" + language).statusCode())
						.as(page)
						.isEqualTo(200);
				}
			}
			assertThat(http.get("/v3/api-docs", "admin", password).statusCode()).isEqualTo(200);
			assertThat(http.get("/api/machines?size=100", "admin", password).statusCode()).isEqualTo(200);
		}
	}

	private long report(String label, String logName, Process process) throws IOException {
		Matcher started = STARTED.matcher(log(logName));
		String seconds = started.find() ? started.group(1) : "?";
		long rss = rssKib(process);
		append(label + ": Started in " + seconds + " s; JVM VmRSS " + rss + " kB");
		return rss;
	}

	private static long rssKib(Process process) throws IOException {
		return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))
			.stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.findFirst()
			.orElseThrow();
	}

	private void append(String line) throws IOException {
		Files.writeString(Path.of("target", "lifecycle-report.txt"), line + System.lineSeparator(),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private String log(String name) throws IOException {
		return this.parc.log(name);
	}

}
