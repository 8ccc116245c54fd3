package parc.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * An administrator in a real browser finds an agent's machine (issue #4, must-show 5):
 * the captured 2.10 inventory arrives at {@code /ocsinventory}, the Software tab filters
 * its 802 packages, and a multi-criteria search (two software lines, the OS and the name)
 * finds the machine. Then .xml, .ocs and a broken file are uploaded in the console, each
 * with its own result (must-show 4, console side).
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InventoryBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	ConsoleBrowser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new ConsoleBrowser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void shouldShowSoftwareTabAndFindMachineByMultiCriteriaSearch() throws Exception {
		String host = "ws-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<byte[]> stored = new ParcHttpClient("http://127.0.0.1:" + this.port).postAgentBody("/ocsinventory",
				CapturedAgentPayloads.zlib(inventoryOf(host)));
		assertThat(stored.statusCode()).isEqualTo(200);
		logIn();

		this.browser.type(By.id("filter"), host);
		this.browser.waiting()
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#machine-table tbody tr"), 1));
		this.browser.click(By.linkText(host));
		assertThat(this.browser.text(By.id("summary-software-count"))).isEqualTo("802");

		this.browser.click(By.id("tab-software"));
		this.browser.type(By.id("software-query"), "openssh*");
		this.browser.click(By.cssSelector("#software-filter button"));
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("software"), "openssh-client"));
		assertThat(this.browser.driver().findElements(By.cssSelector("#software tbody tr")))
			.allSatisfy((row) -> assertThat(row.getText()).containsIgnoringCase("openssh"));
		this.browser.screenshot("machine-software-tab.png");

		this.browser.click(By.id("nav-inventory"));
		criterion(1, "software", "EQUAL", "openssh-client");
		criterion(2, "software", "EQUAL", "zlib1g*");
		criterion(3, "os", "EQUAL", "Debian*");
		this.browser.click(By.id("add-criterion"));
		criterion(4, "name", "EQUAL", host);
		this.browser.click(By.id("run-search"));
		this.browser.waiting()
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inventory-table a.machine-link"), 1));
		assertThat(this.browser.text(By.cssSelector("#inventory-table a.machine-link"))).isEqualTo(host);
		this.browser.screenshot("inventory-search.png");

		new Select(this.browser.driver().findElement(By.id("o1"))).selectByValue("DIFFERENT");
		this.browser.click(By.id("run-search"));
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inventory-table"), "No machine matches."));
	}

	@Test
	void shouldImportXmlAndOcsFilesUploadedInConsole() throws Exception {
		String xmlHost = "up-x-" + UUID.randomUUID().toString().substring(0, 6);
		String ocsHost = "up-o-" + UUID.randomUUID().toString().substring(0, 6);
		Path dir = Files.createTempDirectory("parc-upload-");
		Path xml = Files.writeString(dir.resolve(xmlHost + ".xml"), inventoryOf(xmlHost));
		Path ocs = Files.write(dir.resolve(ocsHost + ".ocs"), CapturedAgentPayloads.zlib(inventoryOf(ocsHost)));
		Path junk = Files.writeString(dir.resolve("junk.xml"), "<REQUEST><QUERY>INVENTORY");
		logIn();

		this.browser.click(By.id("nav-inventory"));
		this.browser.click(By.id("import-inventories"));
		this.browser.driver().findElement(By.id("files")).sendKeys(xml + "\n" + ocs + "\n" + junk);
		this.browser.click(By.id("import-submit"));

		String results = this.browser.text(By.id("import-results"));
		assertThat(results).contains(xmlHost + ".xml").contains(ocsHost + ".ocs").contains("junk.xml");
		assertThat(results).contains("imported (new machine)");
		assertThat(this.browser.driver().findElements(By.cssSelector("#import-results tbody tr"))).hasSize(3);
		assertThat(this.browser.driver().findElements(By.cssSelector("#import-results tbody tr.table-danger")))
			.hasSize(1);
		this.browser.screenshot("inventory-import.png");

		this.browser.click(By.linkText(ocsHost));
		assertThat(this.browser.text(By.id("summary-software-count"))).isEqualTo("802");
	}

	private void logIn() {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("inventory-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());
	}

	private void criterion(int line, String field, String operator, String value) {
		new Select(this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("f" + line))))
			.selectByValue(field);
		new Select(this.browser.driver().findElement(By.id("o" + line))).selectByValue(operator);
		this.browser.type(By.id("v" + line), value);
	}

	private static String inventoryOf(String host) {
		return CapturedAgentPayloads.inventoryOf(host, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
	}

}
