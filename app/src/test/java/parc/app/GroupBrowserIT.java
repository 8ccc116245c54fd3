package parc.app;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in a real browser builds a dynamic group with Pulse 2's expression
 * over machines whose agents reported through {@code /ocsinventory} (issue #7, must-show
 * 5): a wrong expression is shown with its position, values are suggested after three
 * characters, the preview and the saved group list exactly the expected machines, and the
 * visible group is a shortcut under the navigation.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
class GroupBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	ConsoleBrowser browser;

	String prefix;

	@BeforeEach
	void agentsReportAndBrowserOpens() {
		this.prefix = "grp" + UUID.randomUUID().toString().substring(0, 6) + "-";
		report("curl-linux", (xml) -> xml);
		report("bare-linux", (xml) -> xml.replace("<NAME>curl</NAME>", "<NAME>curl-gone</NAME>"));
		report("bare-windows", (xml) -> xml.replace("<NAME>curl</NAME>", "<NAME>curl-gone</NAME>")
			.replace("<OSNAME>Debian GNU/Linux 12</OSNAME>", "<OSNAME>Microsoft Windows 11 Pro</OSNAME>"));
		this.browser = new ConsoleBrowser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void shouldBuildADynamicGroupWithAnExpressionAndSeeItsMembers() throws Exception {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("groups-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());

		this.browser.click(By.id("nav-groups"));
		this.browser.click(By.id("new-dynamic-group"));
		this.browser.type(By.id("name"), this.prefix + "curl or windows");
		criterion(0, "name", "EQUALS", this.prefix + "*");
		criterion(1, "software", "EQUALS", "cur");
		this.browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#suggestions-2 option[value='curl']")));
		this.browser.type(By.id("criteria1.value"), "curl");
		criterion(2, "osFamily", "EQUALS", "WINDOWS");
		this.browser.type(By.id("expression"), "AND(1, OR(2, 3)");
		this.browser.click(By.id("save-group"));

		assertThat(this.browser.text(By.id("expression-error"))).contains("position 16");
		this.browser.type(By.id("expression"), "AND(1, OR(2, 3))");
		this.browser.click(By.id("preview-group"));
		// Reading at once could still see the page before the submit.
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
		assertThat(names(By.cssSelector("#preview .preview-name")))
			.containsExactlyInAnyOrder(this.prefix + "curl-linux", this.prefix + "bare-windows");
		this.browser.driver().findElement(By.id("visible1")).click();
		this.browser.click(By.id("save-group"));

		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("member-table")));
		assertThat(this.browser.text(By.id("group-expression"))).isEqualTo("AND(1, OR(2, 3))");
		assertThat(names(By.cssSelector("#member-table .member-link"))).containsExactly(this.prefix + "bare-windows",
				this.prefix + "curl-linux");
		assertThat(this.browser.text(By.id("group-shortcuts"))).contains(this.prefix + "curl or windows");
		this.browser.screenshot("group-members.png");

		this.browser.click(By.id("switch-mode"));
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("group-mode"), "Result"));
		this.browser.driver()
			.findElements(By.cssSelector("#member-table input[name=machineIds]"))
			.forEach(WebElement::click);
		this.browser.click(By.id("remove-members"));
		// An emptied result is a query again.
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("group-mode"), "Query"));
		assertThat(names(By.cssSelector("#member-table .member-link"))).hasSize(2);
	}

	@Test
	void shouldBuildAStaticGroupFromAFileOfNamesWithEachLinesResult() throws Exception {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("filer-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		java.nio.file.Path names = java.nio.file.Files.createTempDirectory("parc-names-").resolve("names.txt");
		java.nio.file.Files.writeString(names,
				this.prefix + "curl-linux\n" + this.prefix + "nobody\n" + this.prefix + "BARE-WINDOWS\n");
		this.browser.logIn(admin.username(), admin.password());

		this.browser.click(By.id("nav-groups"));
		this.browser.click(By.id("new-group-from-file"));
		this.browser.type(By.id("name"), this.prefix + "from file");
		new Select(this.browser.driver().findElement(By.id("kind"))).selectByValue("NAME");
		this.browser.driver().findElement(By.id("file")).sendKeys(names.toString());
		this.browser.click(By.id("import-group"));

		assertThat(this.browser.text(By.id("count-MATCHED"))).isEqualTo("matched: 2");
		assertThat(this.browser.text(By.id("count-NO_MATCH"))).isEqualTo("no match: 1");
		assertThat(names(By.cssSelector("#line-table tr.table-warning td:nth-child(2)")))
			.containsExactly(this.prefix + "nobody");
		this.browser.click(By.id("imported-group"));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("member-table")));
		assertThat(names(By.cssSelector("#member-table .member-link"))).containsExactly(this.prefix + "bare-windows",
				this.prefix + "curl-linux");
		assertThat(this.browser.text(By.id("group-type"))).isEqualTo("Static");
	}

	private void criterion(int line, String field, String operator, String value) {
		new Select(this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("criteria" + line + ".field"))))
			.selectByValue(field);
		new Select(this.browser.driver().findElement(By.id("criteria" + line + ".operator"))).selectByValue(operator);
		this.browser.type(By.id("criteria" + line + ".value"), value);
	}

	private List<String> names(By locator) {
		return this.browser.driver().findElements(locator).stream().map(WebElement::getText).toList();
	}

	private void report(String host, UnaryOperator<String> change) {
		String xml = change.apply(CapturedAgentPayloads.inventoryOf(this.prefix + host,
				ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)));
		HttpResponse<byte[]> stored = new ParcHttpClient("http://127.0.0.1:" + this.port).postAgentBody("/ocsinventory",
				CapturedAgentPayloads.zlib(xml));
		assertThat(stored.statusCode()).isEqualTo(200);
	}

}
