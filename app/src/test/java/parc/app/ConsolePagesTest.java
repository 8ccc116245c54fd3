package parc.app;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every console page, found from the application's own request mappings, opened in
 * English and in French by an administrator and by a read-only user, over data in the
 * states a first hour produces: a machine with an agent inventory, an agentless machine
 * that does not answer (its deployment is re-scheduled), a package, groups, imports. No
 * page may show a missing message ({@code ??key_en??}) or the error page, and a read-only
 * user opening a form that only changes things reads "administrators only" (403).
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=true" })
class ConsolePagesTest {

	/** A script element with no src, an on...= handler, a style attribute. */
	private static final Pattern INLINE_CODE = Pattern
		.compile("<script(?![^>]*\\ssrc=)[^>]*>|<[a-z][^>]*\\son[a-z]+=\"[^>]*>|<[a-z][^>]*\\sstyle=\"[^>]*>");

	/** The pages a read-only user is refused, as patterns. */
	private static final Set<String> ADMIN_ONLY = Set.of("/machines/new", "/machines/{id}/edit",
			"/machines/{id}/delete", "/machines/import", "/packages/new", "/packages/{id}/edit",
			"/packages/{id}/delete", "/deployments/new", "/groups/new", "/groups/{id}/edit", "/groups/{id}/delete",
			"/groups/{id}/members/add", "/groups/import", "/quick-actions", "/users", "/settings/agentless",
			"/settings/agents", "/settings/credentials", "/settings/credentials/new", "/settings/credentials/{id}/edit",
			"/settings/credentials/{id}/delete", "/settings/teledeployment", "/settings/cluster", "/file-pulls",
			"/schedules/new", "/schedules/{id}/edit", "/schedules/{id}/delete", "/networks/new", "/networks/{id}/edit",
			"/networks/{id}/delete", "/networks/scan");

	/** The pages a designer may open and a read-only user may not. */
	private static final Set<String> DESIGNER_TOO = Set.of("/processes/upload");

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	UserAccountService accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final ObjectMapper json = new ObjectMapper();

	private ParcHttpClient api;

	private String adminPassword;

	@Test
	void shouldRenderEveryPageInBothLanguagesForAnAdministratorADesignerAndAReadOnlyUser() throws Exception {
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		this.api = new ParcHttpClient(base());
		Map<String, String> pages = seedAndNamePages();
		assertThat(patternsOf(pages.keySet())).as("every console page has a concrete address in this test")
			.containsAll(consolePagePatterns());

		GeneratedPassword admin = this.accounts.create(new NewUserAccount("pages-admin-" + suffix(), Role.ADMIN));
		GeneratedPassword reader = this.accounts.create(new NewUserAccount("pages-reader-" + suffix(), Role.USER));
		GeneratedPassword designer = this.accounts
			.create(new NewUserAccount("pages-designer-" + suffix(), Role.DESIGNER));
		List<String> problems = new ArrayList<>();
		for (GeneratedPassword account : List.of(admin, reader, designer)) {
			ParcHttpClient browser = logIn(account);
			boolean readOnly = account == reader;
			boolean designs = account == designer;
			for (String language : List.of("en", "fr")) {
				for (Map.Entry<String, String> page : pages.entrySet()) {
					String url = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + language;
					HttpResponse<String> response = browser.get(url);
					String where = (readOnly ? "user " : designs ? "designer " : "admin ") + language + " " + url
							+ ": ";
					boolean refused = (readOnly
							&& (ADMIN_ONLY.contains(page.getKey()) || DESIGNER_TOO.contains(page.getKey())))
							|| (designs && ADMIN_ONLY.contains(page.getKey()));
					int expected = refused ? 403 : (page.getKey().equals("/") ? 302 : 200);
					if (response.statusCode() != expected) {
						problems.add(where + response.statusCode() + " instead of " + expected);
						continue;
					}
					String body = response.body();
					contentSecurityProblems(response).forEach((problem) -> problems.add(where + problem));
					if (body.contains("??")) {
						int at = body.indexOf("??");
						problems.add(where + "missing message "
								+ body.substring(Math.max(0, at - 40), Math.min(body.length(), at + 60)));
					}
					if (body.contains("Something went wrong") || body.contains("Une erreur s'est produite")) {
						problems.add(where + "the error page");
					}
					if ((readOnly || designs) && expected == 200) {
						adminActions(body).stream()
							.filter((action) -> readOnly || !action.contains("action=\"/processes"))
							.forEach((action) -> problems.add(where + "shows the admin action " + action));
					}
					if (expected == 403 && !body.contains("id=\"admin-only\"")) {
						problems.add(where + "403 without the administrators-only page");
					}
					if (expected == 200 && !body.contains("lang=\"" + language + "\"")) {
						problems.add(where + "not in " + language);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void shouldOfferThePackageCommandAsAPlaceholderNotAValue() throws Exception {
		this.adminPassword = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		GeneratedPassword admin = this.accounts.create(new NewUserAccount("form-admin-" + suffix(), Role.ADMIN));
		String form = logIn(admin).get("/packages/new?lang=en").body();
		Matcher input = Pattern.compile("<input[^>]*id=\"command\"[^>]*>").matcher(form);
		assertThat(input.find()).isTrue();
		assertThat(input.group()).contains("placeholder=\"./install.sh\"").contains("value=\"\"");
	}

	/**
	 * What a page offers that only an administrator may do: a form that posts (but
	 * logging out and changing one's own password), a link to a form that only changes.
	 */
	/**
	 * The page's Content-Security-Policy, and what it would refuse: a script element
	 * without a file, an event handler attribute, a style attribute.
	 */
	private static List<String> contentSecurityProblems(HttpResponse<String> response) {
		List<String> problems = new ArrayList<>();
		String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
		if (!policy.contains("script-src 'self';") || !policy.contains("style-src 'self';")
				|| !policy.startsWith("default-src 'self'")) {
			problems.add("Content-Security-Policy '" + policy + "'");
		}
		Matcher refused = INLINE_CODE.matcher(response.body());
		while (refused.find()) {
			problems.add("inline code the policy refuses: " + refused.group());
		}
		return problems;
	}

	private static List<String> adminActions(String body) {
		List<String> actions = new ArrayList<>();
		Matcher forms = Pattern.compile("<form[^>]*method=\"post\"[^>]*>", Pattern.CASE_INSENSITIVE).matcher(body);
		while (forms.find()) {
			String form = forms.group();
			if (!form.contains("action=\"/logout\"") && !form.contains("action=\"/account")) {
				actions.add(form);
			}
		}
		Matcher links = Pattern
			.compile("href=\"(/[^\"?]*(?:/new|/edit|/delete|/import|/members/add)|/quick-actions(?:\\?[^\"]*)?)\"")
			.matcher(body);
		while (links.find()) {
			actions.add(links.group());
		}
		return actions;
	}

	/**
	 * Pages are the GET mappings of the console's controllers that render a view: not the
	 * REST API, not downloads, not JSON helpers.
	 */
	private Set<String> consolePagePatterns() {
		Set<String> patterns = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			boolean console = handler.getBeanType().getPackageName().startsWith("parc.ui");
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
			boolean view = handler.getMethod().getReturnType() == String.class
					&& !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
					&& !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
			if (console && get && view && info.getProducesCondition().isEmpty()) {
				patterns.addAll(info.getPatternValues());
			}
		}
		patterns.remove("/login");
		return patterns;
	}

	private static Set<String> patternsOf(Set<String> keys) {
		Set<String> patterns = new TreeSet<>();
		for (String key : keys) {
			// A key may open a pattern more than once, on other data ("pattern#variant").
			patterns.add(key.contains("#") ? key.substring(0, key.indexOf('#')) : key);
		}
		return patterns;
	}

	/** Makes one of everything through the API, and names each page's address. */
	private Map<String, String> seedAndNamePages() throws Exception {
		String s = suffix();
		long credential = call("POST", "/api/credentials", """
				{"name": "pages key %s", "type": "PASSWORD", "username": "deploy", "password": "pw-%s"}
				""".formatted(s, s)).path("id").asLong();
		// Port 1 on loopback: nobody answers, so the deployment is re-scheduled.
		long agentless = call("POST", "/api/machines", """
				{"name": "pages-ssh-%s", "address": "127.0.0.1", "osFamily": "LINUX", "channel": "AGENTLESS_SSH",
				 "sshPort": 1, "sshUser": "deploy", "credentialId": %d}
				""".formatted(s, credential)).path("id").asLong();
		long agent = agentInventory(s);
		long pkg = this.json
			.readTree(this.api
				.postMultipart("/api/packages",
						List.of(new ParcHttpClient.Part("metadata", null, "application/json", """
								{"label": "pages %s", "version": "1", "command": "./install.sh", "osFamily": "LINUX"}
								""".formatted(s).getBytes(StandardCharsets.UTF_8)),
								new ParcHttpClient.Part("files", "install.sh", "text/x-sh",
										"echo ok\n".getBytes(StandardCharsets.UTF_8))),
						"admin", this.adminPassword)
				.body())
			.path("id")
			.asLong();
		long dynamic = call("POST", "/api/groups", """
				{"name": "pages dynamic %s", "type": "DYNAMIC", "visible": true,
				 "criteria": [{"field": "name", "operator": "EQUALS", "value": "pages-*"}]}
				""".formatted(s)).path("id").asLong();
		call("PUT", "/api/groups/" + dynamic + "/shares", """
				[{"granteeType": "ROLE", "grantee": "ADMIN"}, {"granteeType": "ROLE", "grantee": "USER"}]""");
		call("POST", "/api/groups", """
				{"name": "pages static %s", "type": "STATIC", "machineIds": [%d, %d]}
				""".formatted(s, agentless, agent));
		long deployment = call("POST", "/api/deployments",
				"""
						{"packageId": %d, "machineIds": [%d], "options": {"wol": false, "attempts": 2, "attemptDelayMinutes": 60}}
						"""
					.formatted(pkg, agentless))
			.path("id")
			.asLong();
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> call("GET", "/api/deployments/" + deployment, null).path("targets")
				.get(0)
				.path("state")
				.asText()
				.equals("RESCHEDULED"));
		// The agent machine waits for its agent: the package's statistics have a row.
		long delivered = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"wol": false}}
				""".formatted(pkg, agent)).path("id").asLong();
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> call("GET", "/api/deployments/" + delivered, null).path("targets")
				.get(0)
				.path("state")
				.asText()
				.equals("WAITING_FOR_AGENT"));
		// Waiting for its start date: a next attempt and no reason yet.
		long scheduled = call("POST", "/api/deployments", """
				{"packageId": %d, "machineIds": [%d], "options": {"wol": false, "startAt": "%s"}}
				""".formatted(pkg, agentless, java.time.Instant.now().plus(Duration.ofDays(1)))).path("id").asLong();
		long machineImport = this.json
			.readTree(this.api.postMultipart("/api/machine-imports",
					List.of(new ParcHttpClient.Part("file", "fleet.csv", "text/csv",
							("name,address\npages-csv-" + s + ",127.0.0.2\nbroken,not an address\n")
								.getBytes(StandardCharsets.UTF_8))),
					"admin", this.adminPassword)
				.body())
			.path("id")
			.asLong();
		long groupImport = this.json
			.readTree(
					this.api
						.postMultipart(
								"/api/groups/imports", List.of(
										new ParcHttpClient.Part("file", "names.csv", "text/csv",
												("pages-ssh-" + s + "\nnobody-" + s + "\n")
													.getBytes(StandardCharsets.UTF_8)),
										new ParcHttpClient.Part("name", null, "text/plain",
												("pages from file " + s).getBytes()),
										new ParcHttpClient.Part("kind", null, "text/plain", "NAME".getBytes())),
								"admin", this.adminPassword)
						.body())
			.path("id")
			.asLong();
		long quickRun = call("POST", "/api/quick-actions/runs", """
				{"command": "uptime", "machineIds": [%d]}""".formatted(agentless)).path("id").asLong();

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/", "/");
		pages.put("/admin-only", "/admin-only");
		pages.put("/account", "/account");
		pages.put("/users", "/users");
		pages.put("/settings/agentless", "/settings/agentless");
		pages.put("/settings/agents", "/settings/agents");
		pages.put("/settings/credentials", "/settings/credentials");
		pages.put("/settings/credentials/new", "/settings/credentials/new");
		pages.put("/settings/teledeployment", "/settings/teledeployment");
		pages.put("/settings/cluster", "/settings/cluster");
		pages.put("/settings/credentials/{id}/edit", "/settings/credentials/" + credential + "/edit");
		pages.put("/settings/credentials/{id}/delete", "/settings/credentials/" + credential + "/delete");
		pages.put("/machines", "/machines");
		pages.put("/machines/new", "/machines/new");
		pages.put("/machines/{id}", "/machines/" + agentless);
		pages.put("/machines/{id}/edit", "/machines/" + agentless + "/edit");
		pages.put("/machines/{id}/delete", "/machines/" + agentless + "/delete");
		pages.put("/machines/import", "/machines/import");
		pages.put("/machines/imports/{id}", "/machines/imports/" + machineImport);
		for (String tab : List.of("hardware", "software", "network", "storage", "devices", "users", "other",
				"history")) {
			pages.put("/machines/{id}/inventory/{tab}#" + tab, "/machines/" + agent + "/inventory/" + tab);
		}
		pages.put("/machines/{id}#agent", "/machines/" + agent);
		pages.put("/inventory", "/inventory");
		pages.put("/inventory/tags", "/inventory/tags");
		pages.put("/inventory/import", "/inventory/import");
		pages.put("/inventory/duplicates", "/inventory/duplicates");
		refusedAgentRequest("pages-agent-" + s + "-2026-12-04-10-00-00");
		pages.put("/inventory/refused-agents", "/inventory/refused-agents?machineId=" + agent);
		pages.put("/packages", "/packages");
		pages.put("/packages/new", "/packages/new");
		pages.put("/packages/{id}", "/packages/" + pkg);
		pages.put("/packages/{id}/edit", "/packages/" + pkg + "/edit");
		pages.put("/packages/{id}/delete", "/packages/" + pkg + "/delete");
		pages.put("/packages/{id}/agent-statistics", "/packages/" + pkg + "/agent-statistics");
		pages.put("/packages/{id}/mirrors", "/packages/" + pkg + "/mirrors");
		pages.put("/deployments", "/deployments");
		pages.put("/deployments/new", "/deployments/new");
		pages.put("/deployments/{id}", "/deployments/" + deployment);
		pages.put("/deployments/{id}#scheduled", "/deployments/" + scheduled);
		pages.put("/deployments/{id}/machines/{machineId}/process",
				"/deployments/" + deployment + "/machines/" + agentless + "/process");
		pages.put("/deployments/{id}/machines/{machineId}/log",
				"/deployments/" + deployment + "/machines/" + agentless + "/log");
		pages.put("/groups", "/groups");
		pages.put("/groups/new", "/groups/new");
		pages.put("/groups/{id}", "/groups/" + dynamic);
		pages.put("/groups/{id}/edit", "/groups/" + dynamic + "/edit");
		pages.put("/groups/{id}/delete", "/groups/" + dynamic + "/delete");
		pages.put("/groups/{id}/members/add", "/groups/" + dynamic + "/members/add");
		pages.put("/groups/import", "/groups/import");
		pages.put("/groups/imports/{id}", "/groups/imports/" + groupImport);
		pages.put("/quick-actions", "/quick-actions");
		pages.put("/quick-actions/runs", "/quick-actions/runs");
		pages.put("/quick-actions/runs/{id}", "/quick-actions/runs/" + quickRun);
		pages.put("/file-pulls", "/file-pulls");
		long housekeeping = call("GET", "/api/schedules", null).get("content").get(0).get("id").asLong();
		pages.put("/schedules", "/schedules");
		pages.put("/schedules/new", "/schedules/new");
		pages.put("/schedules/{id}", "/schedules/" + housekeeping);
		pages.put("/schedules/{id}/edit", "/schedules/" + housekeeping + "/edit");
		pages.put("/schedules/{id}/delete", "/schedules/" + housekeeping + "/delete");
		long network = call("POST", "/api/networks", """
				{"name": "pages lab %s", "address": "203.0.113.%d/32"}
				""".formatted(s, 4 * (Math.abs(s.hashCode()) % 60))).get("id").asLong();
		long device = this.jdbc.sql("""
				insert into device (network_id, address, mac, device_class, open_ports, state, source, first_seen,
				                    last_seen)
				values (?, '203.0.113.250', 'AA:BB:CC:DD:EE:01', 'NETWORK_DEVICE_OR_PRINTER', '{9100}', 'UNKNOWN',
				        'SWEEP', now(), now()) returning id
				""").param(network).query(Long.class).single();
		pages.put("/networks", "/networks");
		pages.put("/networks/new", "/networks/new");
		pages.put("/networks/{id}", "/networks/" + network);
		pages.put("/networks/{id}/edit", "/networks/" + network + "/edit");
		pages.put("/networks/{id}/delete", "/networks/" + network + "/delete");
		pages.put("/networks/scan", "/networks/scan");
		pages.put("/networks/device-types", "/networks/device-types");
		pages.put("/devices/{id}", "/devices/" + device);
		pages.put("/processes", "/processes");
		pages.put("/processes/{key}", "/processes/deploy-package");
		pages.put("/processes/{key}#version", "/processes/deploy-package?version=1");
		pages.put("/processes/{key}/versions/{version}/changes", "/processes/deploy-package/versions/1/changes");
		pages.put("/processes/upload", "/processes/upload");
		// Keys are the mapping patterns; a '#' key opens the same pattern on other data.
		return pages;
	}

	/** A machine with the captured agent inventory, imported as an offline file. */
	private long agentInventory(String suffix) throws Exception {
		String xml = Files
			.readString(
					Path.of("..", "ocs-agent", "src", "test", "resources", "fixtures", "ocs", "inventory-request.xml"))
			.replaceAll("<NAME>[^<]*</NAME>", "<NAME>pages-agent-" + suffix + "</NAME>")
			.replaceAll("<DEVICEID>[^<]*</DEVICEID>",
					"<DEVICEID>pages-agent-" + suffix + "-2026-12-04-10-00-00</DEVICEID>");
		HttpResponse<String> imported = this.api.postMultipart("/api/inventory/imports", List
			.of(new ParcHttpClient.Part("files", "pages.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8))),
				"admin", this.adminPassword);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		return this.json.readTree(imported.body()).get(0).path("machineId").asLong();
	}

	/** An INVENTORY with no CONTENT from the agent of a machine: refused and listed. */
	private void refusedAgentRequest(String deviceId) {
		HttpResponse<byte[]> refused = this.api.postAgentBody("/ocsinventory",
				CapturedAgentPayloads
					.zlib("<REQUEST><DEVICEID>" + deviceId + "</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"),
				"OCS-NG_WINDOWS_AGENT_v2.4.0.0", "application/x-compressed");
		assertThat(refused.statusCode()).isEqualTo(400);
	}

	private ParcHttpClient logIn(GeneratedPassword account) {
		ParcHttpClient browser = new ParcHttpClient(base());
		HttpResponse<String> login = browser.logInToConsole(account.username(), account.password());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	private JsonNode call(String method, String path, String body) throws Exception {
		HttpResponse<String> response = (body == null) ? this.api.get(path, "admin", this.adminPassword)
				: this.api.sendJson(method, path, body, "admin", this.adminPassword);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 202);
		return this.json.readTree(response.body());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
