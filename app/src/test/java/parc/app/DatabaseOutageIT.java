package parc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.ocsagent.testsupport.CapturedAgentPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops under a running Parc (the packaged jar, as an administrator runs it).
 * An external database that goes away: every kind of client is answered 503 with
 * {@code Retry-After} within seconds, Parc reconnects on its own when it is back, and
 * SIGTERM still ends Parc quickly while it is gone. The embedded one, stopped or killed
 * ten times while agents post inventories and a deployment runs: Parc starts it again
 * each time, every inventory answered 200 is stored and the deployment ends DONE. The
 * figures go to {@code target/it-logs/database-outage.txt}.
 */
class DatabaseOutageIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

	private final ObjectMapper json = new ObjectMapper();

	private final Path dataDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

	private ParcJar parc;

	private ParcHttpClient http;

	private String password;

	private EmbeddedPostgres external;

	@BeforeEach
	void jar() throws IOException {
		this.parc = new ParcJar(this.dataDir);
		this.http = this.parc.http();
	}

	@AfterEach
	void stopLeftovers() throws IOException {
		this.parc.killAll();
		ProcessHandle.allProcesses()
			.filter((handle) -> handle.info().commandLine().orElse("").contains(this.dataDir.toString()))
			.forEach(ProcessHandle::destroy);
		if (this.external != null) {
			this.external.close();
		}
	}

	@Test
	void shouldAnswer503WhileAnExternalDatabaseIsDownReconnectAndStopQuickly() throws Exception {
		Path externalData = this.dataDir.resolveSibling(this.dataDir.getFileName() + "-external");
		this.external = externalServer(externalData, 0);
		int externalPort = this.external.getPort();
		Process parcProcess = this.parc.start("outage-external.log",
				"--parc.db.url=jdbc:postgresql://127.0.0.1:" + externalPort + "/parc", "--parc.db.username=parc",
				"--parc.db.password=parc-secret");
		this.password = Files.readString(this.dataDir.resolve("initial-admin-password")).trim();
		ParcHttpClient console = loggedInConsole();
		assertThat(console.get("/machines").statusCode()).isEqualTo(200);

		this.external.close();

		long started = System.nanoTime();
		HttpResponse<String> api = this.http.get("/api/machines", "admin", this.password);
		long apiMillis = millisSince(started);
		assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(api.body()).contains("database is unavailable");
		assertThat(apiMillis).as("first API answer with the database gone, ms").isLessThan(ANSWER_WITHIN.toMillis());

		started = System.nanoTime();
		HttpResponse<byte[]> agent = this.http.postAgentBody("/ocsinventory",
				CapturedAgentPayloads.zlib(CapturedAgentPayloads.inventoryOf("outage-agent", 7)));
		long agentMillis = millisSince(started);
		assertThat(agent.statusCode()).isEqualTo(503);
		assertThat(agent.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(agentMillis).isLessThan(ANSWER_WITHIN.toMillis());

		HttpResponse<String> page = console.getPage("/machines", "en");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("id=\"database-unavailable\"").doesNotContain("name=\"password\"");
		HttpResponse<String> loginPage = this.parc.http().getPage("/login", "fr");
		assertThat(loginPage.statusCode()).isEqualTo(503);
		assertThat(loginPage.body()).contains("La base de données de Parc est indisponible")
			.doesNotContain("name=\"password\"");
		assertThat(this.http.get("/actuator/health").body()).contains("DOWN");

		this.external = externalServer(externalData, externalPort);
		started = System.nanoTime();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.http.get("/api/machines", "admin", this.password).statusCode() == 200);
		long backMillis = millisSince(started);
		assertThat(console.get("/machines").statusCode()).as("the console session outlived the outage").isEqualTo(200);

		this.external.close();
		await().atMost(ANSWER_WITHIN)
			.until(() -> this.http.get("/api/machines", "admin", this.password).statusCode() == 503);
		started = System.nanoTime();
		parcProcess.destroy();
		assertThat(parcProcess.waitFor(30, TimeUnit.SECONDS)).as("Parc still running 30 s after SIGTERM").isTrue();
		long sigtermMillis = millisSince(started);
		append("external database gone: API 503 in " + apiMillis + " ms, agent 503 in " + agentMillis
				+ " ms; serving again " + backMillis + " ms after it was back; SIGTERM with it gone: exit in "
				+ sigtermMillis + " ms (exit code " + parcProcess.exitValue() + ")");
		this.external = null;
	}

	@Test
	void shouldRestartItsEmbeddedPostgresAndLoseNothingOverTenRestarts() throws Exception {
		this.parc.start("outage-embedded.log");
		this.password = Files.readString(this.dataDir.resolve("initial-admin-password")).trim();
		long deployment = startSlowDeployment();

		Map<String, Integer> answered = new ConcurrentHashMap<>();
		AtomicInteger unavailable = new AtomicInteger();
		AtomicInteger otherFailures = new AtomicInteger();
		AtomicBoolean posting = new AtomicBoolean(true);
		ExecutorService agents = Executors.newFixedThreadPool(4);
		for (int agent = 0; agent < 4; agent++) {
			int number = agent;
			agents.submit(() -> postInventories(number, posting, answered, unavailable, otherFailures));
		}

		List<Long> backAfter = new ArrayList<>();
		for (int restart = 0; restart < 10; restart++) {
			// A random moment: once the agents had a random number of inventories
			// answered since the last restart.
			int servedBefore = answered.size() + unavailable.get();
			int more = ThreadLocalRandom.current().nextInt(20, 120);
			await().atMost(Duration.ofMinutes(1))
				.until(() -> answered.size() + unavailable.get() >= servedBefore + more);
			long postmaster = postmasterPid();
			String signal = (restart % 3 == 2) ? "-KILL" : "-INT";
			long killed = System.nanoTime();
			assertThat(new ProcessBuilder("kill", signal, Long.toString(postmaster)).start().waitFor()).isZero();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ProcessHandle.of(postmaster).isEmpty() || !ProcessHandle.of(postmaster).get().isAlive());
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.until(() -> this.http.get("/api/machines?size=1", "admin", this.password).statusCode() == 200);
			backAfter.add(millisSince(killed));
		}
		posting.set(false);
		agents.shutdown();
		assertThat(agents.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.conditionEvaluationListener((condition) -> {
				if (!condition.isSatisfied() && condition.getRemainingTimeInMS() < 1500) {
					System.out.println("deployment at the end: " + call("/api/deployments/" + deployment));
				}
			})
			.until(() -> "DONE".equals(call("/api/deployments/" + deployment).path("state").asText()));
		JsonNode target = call("/api/deployments/" + deployment).path("targets").path(0);
		assertThat(target.path("state").asText()).isEqualTo("DONE");
		List<String> missing = answered.keySet()
			.stream()
			.filter((host) -> call("/api/machines?name=" + host).path("totalElements").asInt() != 1)
			.toList();
		assertThat(missing).as("inventories answered 200 but not stored").isEmpty();
		assertThat(otherFailures.get()).as("answers other than 200 and 503").isZero();
		String log = this.parc.log("outage-embedded.log");
		assertThat(log).contains("starting it again on the same data");
		append("embedded PostgreSQL restarted 10 times (INT, INT, KILL, ...): " + answered.size()
				+ " inventories answered 200, all stored; " + unavailable.get()
				+ " answered 503; serving again after each restart (ms): " + backAfter
				+ "; deployment DONE; restarts logged: "
				+ log.lines().filter((line) -> line.contains("runs again on 127.0.0.1")).count());
	}

	private void postInventories(int agent, AtomicBoolean posting, Map<String, Integer> answered,
			AtomicInteger unavailable, AtomicInteger otherFailures) {
		for (int i = 0; posting.get(); i++) {
			// Fixed width: no name holds another, as the name filter matches parts of
			// names.
			String host = String.format("outage-%d-%05d", agent, i);
			try {
				HttpResponse<byte[]> response = this.http.postAgentBody("/ocsinventory",
						CapturedAgentPayloads.zlib(CapturedAgentPayloads.inventoryOf(host, agent * 100_000 + i + 1)));
				if (response.statusCode() == 200) {
					answered.put(host, 200);
				}
				else if (response.statusCode() == 503) {
					unavailable.incrementAndGet();
				}
				else {
					otherFailures.incrementAndGet();
				}
			}
			catch (UncheckedIOException ex) {
				otherFailures.incrementAndGet();
			}
		}
	}

	/** An agentless machine running a 20 s install command through the restarts. */
	private long startSlowDeployment() throws Exception {
		long credential = this.json.readTree(this.http
			.sendJson("POST", "/api/credentials",
					this.json.writeValueAsString(Map.of("name", "outage key", "type", "SSH_KEY", "username",
							sshd.server().user(), "privateKey", sshd.server().clientKey())),
					"admin", this.password)
			.body()).path("id").asLong();
		long machine = this.json
			.readTree(this.http
				.sendJson("POST", "/api/machines",
						"""
								{"name": "outage-target", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
								 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
								"""
							.formatted(sshd.server().port(), sshd.server().user(), credential),
						"admin", this.password)
				.body())
			.path("id")
			.asLong();
		String script = "#!/bin/sh\nsleep 20\necho finished\n";
		HttpResponse<String> created = this.http.postMultipart("/api/packages", List.of(new ParcHttpClient.Part(
				"metadata", null, "application/json",
				"{\"label\": \"outage\", \"version\": \"1\", \"command\": \"sh ./install.sh\", \"osFamily\": \"LINUX\"}"
					.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "install.sh", "text/x-sh", script.getBytes(StandardCharsets.UTF_8))),
				"admin", this.password);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long pkg = this.json.readTree(created.body()).path("id").asLong();
		HttpResponse<String> deployment = this.http.sendJson("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"wol": false}}
				""".formatted(pkg, machine), "admin", this.password);
		assertThat(deployment.statusCode()).as(deployment.body()).isEqualTo(201);
		return this.json.readTree(deployment.body()).path("id").asLong();
	}

	private JsonNode call(String path) {
		HttpResponse<String> response = this.http.get(path, "admin", this.password);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		try {
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(this.dataDir.resolve("postgres").resolve("postmaster.pid")).get(0));
	}

	private ParcHttpClient loggedInConsole() {
		ParcHttpClient console = this.parc.http();
		assertThat(console.logInToConsole("admin", this.password).statusCode()).isEqualTo(302);
		return console;
	}

	/**
	 * A PostgreSQL playing the administrator's own server, on a fixed folder and port.
	 */
	private static EmbeddedPostgres externalServer(Path data, int port) throws IOException {
		boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		if (fresh) {
			org.springframework.jdbc.core.simple.JdbcClient admin = org.springframework.jdbc.core.simple.JdbcClient
				.create(postgres.getPostgresDatabase());
			admin.sql("create user parc password 'parc-secret'").update();
			admin.sql("create database parc owner parc").update();
		}
		return postgres;
	}

	private static long millisSince(long nanoTime) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
	}

	private static void append(String line) throws IOException {
		Path report = Files.createDirectories(Path.of("target", "it-logs")).resolve("database-outage.txt");
		Files.writeString(report, line + System.lineSeparator(), StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
	}

}
