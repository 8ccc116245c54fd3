package parc.app;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agentless machine through Parc's public API on a real OpenSSH server (issue #5): a
 * stored key, a green probe, an inventory collected and read as agents' are, and the key
 * material and password found nowhere in the database, the API or the console (must-show
 * 4).
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AgentlessIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	JdbcClient jdbc;

	ParcHttpClient http;

	String adminPassword;

	boolean loggedIn;

	/**
	 * What the test made, deleted afterwards in this order (machines before their
	 * credentials).
	 */
	final java.util.Deque<String> created = new java.util.ArrayDeque<>();

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void connect() throws Exception {
		this.http = new ParcHttpClient("http://127.0.0.1:" + this.port);
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
	}

	@Test
	void shouldInventoryAnAgentlessMachineAndKeepItsSecretsUnreadable() throws Exception {
		String keyText = sshd.server().clientKey();
		// The middle of the key's base 64 body: what a leak of the key would contain.
		String keyMaterial = keyText.lines()
			.filter((line) -> !line.startsWith("-----"))
			.skip(1)
			.findFirst()
			.orElseThrow();
		String password = "pw-unique-" + System.nanoTime();

		JsonNode credential = call("POST", "/api/credentials", json(new Object[][] { { "name", "sshd test key" },
				{ "type", "SSH_KEY" }, { "username", sshd.server().user() }, { "privateKey", keyText } }), 201);
		assertThat(credential.path("fingerprint").asText()).isEqualTo(sshd.server().clientKeyFingerprint());
		assertThat(credential.has("privateKey")).isFalse();
		JsonNode passwordCredential = call("POST", "/api/credentials",
				json(new Object[][] { { "name", "sshd test password" }, { "type", "PASSWORD" },
						{ "username", sshd.server().user() }, { "password", password } }),
				201);
		assertThat(passwordCredential.path("type").asText()).isEqualTo("PASSWORD");

		JsonNode machine = call("POST", "/api/machines", """
				{"name": "agentless-it", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": %d, "sshUser": "%s", "credentialId": %d}
				""".formatted(sshd.server().port(), sshd.server().user(), credential.path("id").asLong()), 201);
		long machineId = machine.path("id").asLong();
		this.created.add("/api/machines/" + machineId);
		this.created.add("/api/credentials/" + credential.path("id").asLong());
		this.created.add("/api/credentials/" + passwordCredential.path("id").asLong());

		JsonNode probe = call("POST", "/api/machines/" + machineId + "/probe", "", 200);
		assertThat(probe.path("light").asText()).isEqualTo("GREEN");

		JsonNode collection = call("POST", "/api/machines/" + machineId + "/inventory/collect", "", 202);
		String collectionPath = "/api/machines/" + machineId + "/inventory/collections/"
				+ collection.path("id").asLong();
		await().atMost(Duration.ofMinutes(1))
			.until(() -> !"RUNNING".equals(call("GET", collectionPath, null, 200).path("state").asText()));
		assertThat(call("GET", collectionPath, null, 200).path("state").asText()).isEqualTo("DONE");

		JsonNode inventory = call("GET", "/api/machines/" + machineId + "/inventory", null, 200);
		assertThat(inventory.path("source").asText()).isEqualTo("AGENTLESS_SSH");
		assertThat(inventory.path("software").size()).isPositive();
		assertThat(inventory.path("hardware").path("osname").asText()).isNotBlank();

		// Must-show 4: neither secret anywhere a reader could look.
		List<String> readable = new ArrayList<>();
		for (String path : List.of("/api/credentials", "/api/credentials/" + credential.path("id").asLong(),
				"/api/credentials/" + passwordCredential.path("id").asLong(), "/api/machines/" + machineId,
				"/api/host-keys")) {
			readable.add(this.http.get(path, "admin", this.adminPassword).body());
		}
		for (String page : List.of("/settings/credentials",
				"/settings/credentials/" + credential.path("id").asLong() + "/edit",
				"/settings/credentials/" + passwordCredential.path("id").asLong() + "/edit",
				"/machines/" + machineId)) {
			readable.add(consolePage(page));
		}
		readable.add(databaseDump());
		String hexKeyMaterial = HexFormat.of().formatHex(keyMaterial.getBytes(StandardCharsets.US_ASCII));
		String hexPassword = HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8));
		for (String text : readable) {
			assertThat(text).doesNotContain(keyMaterial)
				.doesNotContain(password)
				.doesNotContain(hexKeyMaterial)
				.doesNotContain(hexPassword);
		}
		assertThat(readable.get(readable.size() - 1)).contains("sshd test key");
	}

	/**
	 * The inventory of this very host now sits under this machine: left there, the OCS
	 * agent's inventory of the same host in another test would rightly join it.
	 */
	@org.junit.jupiter.api.AfterEach
	void cleanUp() {
		for (String path : this.created) {
			this.http.sendJson("DELETE", path, "", "admin", this.adminPassword);
		}
	}

	/**
	 * Every row of every table of Parc's schema as text, bytea as hex: what a database
	 * dump or backup holds.
	 */
	private String databaseDump() {
		StringBuilder dump = new StringBuilder();
		List<String> tables = this.jdbc
			.sql("select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables"
					+ " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")
			.query(String.class)
			.list();
		assertThat(tables).contains("public.credential");
		for (String table : tables) {
			this.jdbc.sql("select t::text from " + table + " t")
				.query(String.class)
				.list()
				.forEach((row) -> dump.append(row).append('\n'));
		}
		return dump.toString();
	}

	private String consolePage(String path) {
		if (!this.loggedIn) {
			String token = csrfToken(this.http.get("/login").body());
			HttpResponse<String> login = this.http.postForm("/login", "username=admin&password="
					+ java.net.URLEncoder.encode(this.adminPassword, StandardCharsets.UTF_8) + "&_csrf=" + token,
					"Accept", "text/html");
			assertThat(login.statusCode()).isEqualTo(302);
			this.loggedIn = true;
		}
		HttpResponse<String> page = this.http.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		return page.body();
	}

	private static String csrfToken(String html) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private JsonNode call(String method, String path, String body, int expected) throws Exception {
		HttpResponse<String> response = (body == null) ? this.http.get(path, "admin", this.adminPassword)
				: this.http.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return this.json.readTree(response.body());
	}

	private String json(Object[][] fields) throws Exception {
		java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (Object[] field : fields) {
			map.put((String) field[0], field[1]);
		}
		return this.json.writeValueAsString(map);
	}

}
