package parc.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Parc nodes (the packaged jar, twice) on one PostgreSQL, behind HAProxy with the
 * configuration docs/scale-out.md gives: a console session survives being served by the
 * other node, agents' inventories land once whichever node takes them, a node killed in
 * the middle of a deployment loses nothing, a schedule fires once per fire and goes on
 * when the node that fired it dies, and a node with another vault key refuses to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	/** Short locks, so that a dead node's work comes back within the test. */
	private static final Duration LOCK = Duration.ofSeconds(30);

	private static final Pattern NODE_FOOTER = Pattern.compile("node (parc-[ab])</footer>");

	private final ObjectMapper json = new ObjectMapper();

	private Path root;

	private EmbeddedPostgres postgres;

	private ParcJar nodeA;

	private ParcJar nodeB;

	private Process processA;

	private Process processB;

	private Process haproxy;

	/** One login per target: a deployment's working folder is per login. */
	private BenchTargets targets;

	private ParcHttpClient balancer;

	private String password;

	@BeforeAll
	void startTheCluster() throws Exception {
		this.root = Path.of("target", "it-data", "cluster-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(this.root.resolve("shared"));
		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.root.resolve("postgres"))
			.setCleanDataDirectory(true)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "300")
			.start();
		int deployA = ParcJar.anyFreePort();
		int deployB = ParcJar.anyFreePort();
		this.nodeA = new ParcJar(this.root.resolve("a"), deployA);
		this.nodeB = new ParcJar(this.root.resolve("b"), deployB);
		// The first node makes the shared key, CA and administrator; the second finds
		// them.
		this.processA = this.nodeA.start("cluster-a.log", node("parc-a"));
		this.processB = this.nodeB.start("cluster-b.log", node("parc-b"));
		this.password = Files.readString(this.root.resolve("a").resolve("initial-admin-password")).trim();
		assertThat(this.root.resolve("b").resolve("initial-admin-password")).as("one administrator").doesNotExist();

		int listen = ParcJar.anyFreePort();
		ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f",
				Path.of("..", "docs", "scale-out", "haproxy.cfg").toAbsolutePath().normalize().toString())
			.redirectErrorStream(true)
			.redirectOutput(
					Files.createDirectories(Path.of("target", "it-logs")).resolve("cluster-haproxy.log").toFile());
		builder.environment()
			.putAll(Map.of("PARC_LISTEN", "127.0.0.1:" + listen, "PARC_NODE_A", "127.0.0.1:" + this.nodeA.port(),
					"PARC_NODE_B", "127.0.0.1:" + this.nodeB.port(), "PARC_DEPLOY_LISTEN",
					"127.0.0.1:" + ParcJar.anyFreePort(), "PARC_DEPLOY_A", "127.0.0.1:" + deployA, "PARC_DEPLOY_B",
					"127.0.0.1:" + deployB));
		this.haproxy = builder.start();
		this.balancer = new ParcHttpClient("http://127.0.0.1:" + listen);
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> this.balancer.get("/login").statusCode() == 200
					&& this.balancer.get("/login").statusCode() == 200);
	}

	private String[] node(String name) {
		return new String[] { "--parc.db.url=jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres",
				"--parc.db.username=postgres", "--parc.db.password=postgres", "--parc.node.name=" + name,
				"--parc.shared-dir=" + this.root.resolve("shared"), "--parc.deployment.task-lock=" + LOCK,
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK.toMillis(),
				"--parc.schedules.min-interval=5s" };
	}

	@AfterAll
	void stopTheCluster() throws Exception {
		if (this.targets != null) {
			this.targets.close();
		}
		if (this.haproxy != null) {
			this.haproxy.destroyForcibly();
		}
		for (ParcJar jar : new ParcJar[] { this.nodeA, this.nodeB }) {
			if (jar != null) {
				jar.killAll();
			}
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	@Order(1)
	void shouldKeepAConsoleSessionWhicheverNodeServesTheNextRequest() {
		HttpResponse<String> login = this.balancer.logInToConsole("admin", this.password);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

		Set<String> servers = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> page = this.balancer.getPage("/machines", "en");
			assertThat(page.statusCode()).as("request %d stays signed in", i).isEqualTo(200);
			assertThat(page.body()).contains("id=\"logout\"");
			servers.add(servedBy(page));
		}
		assertThat(servers).as("round robin, no stickiness").containsExactlyInAnyOrder("parc-a", "parc-b");

		HttpResponse<String> cluster = this.balancer.getPage("/settings/cluster", "en");
		assertThat(cluster.statusCode()).isEqualTo(200);
		assertThat(cluster.body()).contains("id=\"node-parc-a\"", "id=\"node-parc-b\"")
			.doesNotContain("cluster-missing");
	}

	@Test
	@Order(2)
	void shouldStoreEachAgentsInventoryOnceWhicheverNodeTakesIt() throws Exception {
		String fixture = Files.readString(
				Path.of("..", "ocs-agent", "src", "test", "resources", "fixtures", "ocs", "inventory-request.xml"));
		ParcHttpClient directA = this.nodeA.http();
		ParcHttpClient directB = this.nodeB.http();
		ExecutorService agents = Executors.newFixedThreadPool(8);
		List<Future<List<Integer>>> answers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			int machine = i;
			answers.add(agents.submit(() -> {
				String host = String.format("cluster-%03d", machine);
				String deviceId = host + "-2026-12-06-00-00-00";
				byte[] prolog = zlib("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST>\n  <DEVICEID>" + deviceId
						+ "</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n");
				byte[] inventory = zlib(inventoryOf(fixture, host, deviceId, machine));
				List<Integer> statuses = new ArrayList<>();
				statuses.add(this.balancer.postAgentBody("/ocsinventory", prolog).statusCode());
				if (machine % 10 == 0) {
					// Its first inventory reaches both nodes at the same moment.
					CountDownLatch together = new CountDownLatch(1);
					ExecutorService pair = Executors.newFixedThreadPool(2);
					Future<Integer> onA = pair.submit(() -> {
						together.await();
						return directA.postAgentBody("/ocsinventory", inventory).statusCode();
					});
					Future<Integer> onB = pair.submit(() -> {
						together.await();
						return directB.postAgentBody("/ocsinventory", inventory).statusCode();
					});
					together.countDown();
					statuses.add(onA.get());
					statuses.add(onB.get());
					pair.shutdown();
				}
				else {
					statuses.add(this.balancer.postAgentBody("/ocsinventory", inventory).statusCode());
				}
				return statuses;
			}));
		}
		for (Future<List<Integer>> answer : answers) {
			assertThat(answer.get(5, TimeUnit.MINUTES)).containsOnly(200);
		}
		agents.shutdown();

		try (Connection db = database(); Statement sql = db.createStatement()) {
			ResultSet machines = sql
				.executeQuery("select count(*), count(distinct lower(name)) from machine where name like 'cluster-%'");
			machines.next();
			assertThat(machines.getInt(1)).as("200 machines").isEqualTo(200);
			assertThat(machines.getInt(2)).as("none twice").isEqualTo(200);
			ResultSet devices = sql.executeQuery("select count(*) from agent_device where device_id like 'cluster-%'");
			devices.next();
			assertThat(devices.getInt(1)).isEqualTo(200);
			ResultSet nodes = sql.executeQuery("select count(*) from cluster_node where name in ('parc-a', 'parc-b')");
			nodes.next();
			assertThat(nodes.getInt(1)).isEqualTo(2);
		}
	}

	@Test
	@Order(3)
	void shouldRefuseToStartANodeWithAnotherVaultKey() throws Exception {
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		ParcJar nodeC = new ParcJar(this.root.resolve("c"));
		String[] options = node("parc-c");
		String[] arguments = java.util.Arrays.copyOf(options, options.length + 1);
		arguments[options.length] = "--parc.vault.key=" + Base64.getEncoder().encodeToString(otherKey);

		int exit = nodeC.runUntilExit("cluster-c.log", arguments);

		assertThat(exit).isNotZero();
		assertThat(nodeC.log("cluster-c.log")).contains("APPLICATION FAILED TO START")
			.contains("This node's vault key (parc.vault.key (PARC_VAULT_KEY)) is not the one this cluster uses"
					+ " (recorded by parc-a on ")
			.contains("Node parc-c does not start.");
	}

	@Test
	@Order(4)
	void shouldFinishADeploymentOnTheSurvivorWhenANodeIsKilledInTheMiddle() throws Exception {
		this.targets = BenchTargets.start(50);
		long credential = call("POST", "/api/credentials", this.json.writeValueAsString(Map.of("name", "cluster key",
				"type", "SSH_KEY", "username", BenchTargets.user(1), "privateKey", this.targets.clientKey())), 201)
			.path("id")
			.asLong();
		List<Long> machines = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			machines.add(call("POST", "/api/machines", """
					{"name": "target-%02d", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
					 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
					""".formatted(i, this.targets.port(), BenchTargets.user(i), credential), 201).path("id").asLong());
		}
		// Each run leaves a line in its login's home, so a run repeated after the kill
		// shows.
		String script = "#!/bin/sh\necho run >> ../cluster-runs\nsleep 3\necho finished\n";
		HttpResponse<String> created = this.balancer.postMultipart("/api/packages", List.of(new ParcHttpClient.Part(
				"metadata", null, "application/json",
				"{\"label\": \"cluster\", \"version\": \"1\", \"command\": \"sh ./install.sh\", \"osFamily\": \"LINUX\"}"
					.getBytes(StandardCharsets.UTF_8)),
				new ParcHttpClient.Part("files", "install.sh", "text/x-sh", script.getBytes(StandardCharsets.UTF_8))),
				"admin", this.password);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long pkg = this.json.readTree(created.body()).path("id").asLong();
		long id = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": %s, "options": {"wol": false, "concurrency": 10}}
				""".formatted(pkg, machines), 201).path("id").asLong();

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> doneCount(this.nodeB.http(), id) >= 20);
		Instant killedAt = Instant.now();
		this.processA.destroyForcibly();
		assertThat(this.processA.waitFor(30, TimeUnit.SECONDS)).isTrue();

		await().atMost(LOCK.plusSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> doneCount(this.balancer, id) == 50);
		Duration recovered = Duration.between(killedAt, Instant.now());

		int scriptRuns = 0;
		for (int i = 1; i <= 50; i++) {
			Path runs = this.targets.home(i).resolve(".parc/work/cluster-runs");
			assertThat(runs).as("target %d's script ran", i).exists();
			scriptRuns += Files.readAllLines(runs).size();
		}
		List<String> repeated = new ArrayList<>();
		for (long machine : machines) {
			for (JsonNode line : call("GET", "/api/deployments/" + id + "/targets/" + machine + "/log", null, 200)) {
				if (line.path("text").asText().contains("repeated by node parc-b: node parc-a, which ran it")) {
					repeated.add(line.path("text").asText());
				}
			}
		}
		assertThat(repeated).as("the log says which attempts the dead node cut short").isNotEmpty();
		assertThat(repeated.get(0))
			.matches("[a-z]+ attempt 1 repeated by node parc-b: node parc-a, which ran it, stopped before finishing"
					+ " \\(its lock ran out\\)");
		System.out.printf("Cluster: all 50 DONE %d s after the kill, %d attempt(s) repeated, %d script runs%n",
				recovered.toSeconds(), repeated.size(), scriptRuns);
		await().atMost(Duration.ofMinutes(1))
			.until(() -> "MISSING".equals(nodeState(call("GET", "/api/cluster/nodes", null, 200), "parc-a")));
		// Each line names its node; the survivor's says whose work it took over.
		assertThat(this.nodeB.log("cluster-b.log")).contains(" INFO [parc-b] ")
			.contains("Node parc-a missed its heartbeats for PT30S: node parc-b takes over the work it left running");
	}

	@Test
	@Order(5)
	void shouldFireAScheduleOncePerFireAndGoOnWhenTheNodeThatFiredItDies() throws Exception {
		if (!this.processA.isAlive()) {
			this.processA = this.nodeA.start("cluster-a-again.log", node("parc-a"));
		}
		long schedule = call("POST", "/api/schedules", """
				{"name": "every ten seconds", "kind": "HOUSEKEEPING", "target": {"all": true},
				 "cron": "*/10 * * * * ?"}
				""", 201).path("id").asLong();
		Instant from = Instant.now();
		// A minute of fires, every ten seconds.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> fires(schedule).size() >= 6);
		List<String[]> fires = fires(schedule);
		assertThat(Duration.between(from, Instant.now())).as("six fires took a minute")
			.isLessThan(Duration.ofSeconds(75));
		Set<String> slots = new HashSet<>();
		for (String[] fire : fires) {
			assertThat(slots.add(fire[0])).as("one run per fire, not one per node: %s", fire[0]).isTrue();
		}
		System.out.printf("Schedule: %d fires since %s, on nodes %s%n", fires.size(), from,
				fires.stream().map((fire) -> fire[1]).toList());

		// Right after a fire, so that the node that ran it has not taken the next one
		// yet.
		int before = fires(schedule).size();
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> fires(schedule).size() > before);
		List<String[]> latest = fires(schedule);
		String lastNode = latest.get(latest.size() - 1)[1];
		Process victim = "parc-a".equals(lastNode) ? this.processA : this.processB;
		String survivor = "parc-a".equals(lastNode) ? "parc-b" : "parc-a";
		victim.destroyForcibly();
		assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
		int afterKill = latest.size();

		await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> fires(schedule).size() > afterKill);
		String[] next = fires(schedule).get(afterKill);
		assertThat(next[1]).as("the next fire, on the node left").isEqualTo(survivor);
	}

	/**
	 * The command the guide gives, as written, checked by HAProxy itself ({@code -c}: the
	 * configuration is read and its addresses resolved, nothing is bound).
	 */
	@Test
	@Order(6)
	void shouldAcceptTheGuidesHaproxyCommand() throws Exception {
		String guide = Files.readString(Path.of("..", "docs", "scale-out.md"));
		Matcher block = Pattern.compile("```sh\n(PARC_LISTEN=[^`]*?haproxy -f docs/scale-out/haproxy.cfg)\n```")
			.matcher(guide);
		assertThat(block.find()).as("the guide's HAProxy command").isTrue();
		String command = block.group(1).replace("haproxy -f", "haproxy -c -f");
		Process check = new ProcessBuilder("sh", "-c", command).directory(Path.of("..").toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor()).as(output).isZero();
		assertThat(output).contains("Configuration file is valid");
	}

	/**
	 * The schedule's runs, oldest first: its fire slot (the 10 s it started in) and node.
	 */
	private List<String[]> fires(long schedule) throws SQLException {
		List<String[]> fires = new ArrayList<>();
		try (Connection db = database(); Statement sql = db.createStatement()) {
			ResultSet runs = sql.executeQuery("select floor(extract(epoch from started_at) / 10)::bigint, run_node"
					+ " from schedule_run where schedule_id = " + schedule + " and started_by = 'schedule'"
					+ " order by started_at");
			while (runs.next()) {
				fires.add(new String[] { runs.getString(1), runs.getString(2) });
			}
		}
		return fires;
	}

	private static String nodeState(JsonNode nodes, String name) {
		for (JsonNode node : nodes) {
			if (name.equals(node.path("name").asText())) {
				return node.path("state").asText();
			}
		}
		return null;
	}

	private int doneCount(ParcHttpClient http, long deployment) throws Exception {
		HttpResponse<String> answer = http.get("/api/deployments/" + deployment, "admin", this.password);
		int done = 0;
		for (JsonNode target : this.json.readTree(answer.body()).path("targets")) {
			if ("DONE".equals(target.path("state").asText())) {
				done++;
			}
		}
		return done;
	}

	private Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres",
				"postgres", "postgres");
	}

	private static String servedBy(HttpResponse<String> page) {
		Matcher footer = NODE_FOOTER.matcher(page.body());
		return footer.find() ? footer.group(1) : null;
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.balancer.get(path, "admin", this.password)
				: this.balancer.sendJson(method, path, body, "admin", this.password);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

	/**
	 * The captured agent's inventory as machine number i, as the agent benchmark makes
	 * it.
	 */
	private static String inventoryOf(String fixture, String host, String deviceId, int i) {
		String xml = fixture.replace("vm-2026-11-22-14-34-14", deviceId)
			.replace("<NAME>vm</NAME>", "<NAME>" + host + "</NAME>")
			.replace("<BIOS>\n    </BIOS>", "<BIOS>\n      <SSN>CLUSTER-" + host + "</SSN>\n    </BIOS>");
		Matcher macs = Pattern.compile("<MACADDR>([0-9a-f:]{17})</MACADDR>").matcher(xml);
		StringBuilder out = new StringBuilder();
		int n = 0;
		while (macs.find()) {
			macs.appendReplacement(out, "<MACADDR>"
					+ String.format("02:%02x:00:00:%02x:%02x", n++ & 0xff, (i >> 8) & 0xff, i & 0xff) + "</MACADDR>");
		}
		macs.appendTail(out);
		return out.toString();
	}

	private static byte[] zlib(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
			deflater.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
