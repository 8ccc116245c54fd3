package parc.app;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in a real browser finds an agent's machine (issue #4, must-show 5):
 * the captured 2.10 inventory arrives at {@code /ocsinventory}, the Software tab filters
 * its 802 packages, and a multi-criteria search (two software lines and the OS) finds the
 * machine. Screenshots land in {@code target/screenshots/}.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InventoryBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = ChromiumDriverFactory.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldShowSoftwareTabAndFindMachineByMultiCriteriaSearch() throws Exception {
		String host = "ws-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<byte[]> stored = new ParcHttpClient("http://127.0.0.1:" + this.port).postAgentBody("/ocsinventory",
				zlib(capturedInventoryOf(host)));
		assertThat(stored.statusCode()).isEqualTo(200);
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("inventory-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));

		open("/login?lang=en");
		type(By.id("username"), admin.username());
		type(By.id("password"), admin.password());
		click(By.id("login-submit"));
		this.wait.until(ExpectedConditions.urlContains("/machines"));
		type(By.id("filter"), host);
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#machine-table tbody tr"), 1));
		click(By.linkText(host));
		assertThat(text(By.id("summary-software-count"))).isEqualTo("802");

		click(By.id("tab-software"));
		type(By.id("software-query"), "openssh*");
		click(By.cssSelector("#software-filter button"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("software"), "openssh-client"));
		assertThat(this.browser.findElements(By.cssSelector("#software tbody tr")))
			.allSatisfy((row) -> assertThat(row.getText()).containsIgnoringCase("openssh"));
		screenshot("machine-software-tab.png");

		click(By.id("nav-inventory"));
		criterion(1, "software", "EQUAL", "openssh-client");
		criterion(2, "software", "EQUAL", "zlib1g*");
		criterion(3, "os", "EQUAL", "Debian*");
		click(By.id("add-criterion"));
		criterion(4, "name", "EQUAL", host);
		click(By.id("run-search"));
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inventory-table a.machine-link"), 1));
		assertThat(text(By.cssSelector("#inventory-table a.machine-link"))).isEqualTo(host);
		screenshot("inventory-search.png");

		new Select(this.browser.findElement(By.id("o1"))).selectByValue("DIFFERENT");
		click(By.id("run-search"));
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inventory-table"), "No machine matches."));
	}

	@Test
	void shouldImportXmlAndOcsFilesUploadedInConsole() throws Exception {
		String xmlHost = "up-x-" + UUID.randomUUID().toString().substring(0, 6);
		String ocsHost = "up-o-" + UUID.randomUUID().toString().substring(0, 6);
		Path dir = Files.createTempDirectory("parc-upload-");
		Path xml = Files.writeString(dir.resolve(xmlHost + ".xml"), capturedInventoryOf(xmlHost));
		Path ocs = Files.write(dir.resolve(ocsHost + ".ocs"), zlib(capturedInventoryOf(ocsHost)));
		Path junk = Files.writeString(dir.resolve("junk.xml"), "<REQUEST><QUERY>INVENTORY");
		logIn();

		click(By.id("nav-inventory"));
		click(By.id("import-inventories"));
		this.browser.findElement(By.id("files")).sendKeys(xml + "\n" + ocs + "\n" + junk);
		click(By.id("import-submit"));

		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-results")));
		String results = text(By.id("import-results"));
		assertThat(results).contains(xmlHost + ".xml").contains(ocsHost + ".ocs").contains("junk.xml");
		assertThat(this.browser.findElements(By.cssSelector("#import-results tbody tr"))).hasSize(3);
		assertThat(this.browser.findElements(By.cssSelector("#import-results tbody tr.table-danger"))).hasSize(1);
		assertThat(results).contains("imported (new machine)");
		screenshot("inventory-import.png");

		click(By.linkText(ocsHost));
		assertThat(text(By.id("summary-software-count"))).isEqualTo("802");
	}

	private void logIn() {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("importer-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		open("/login?lang=en");
		type(By.id("username"), admin.username());
		type(By.id("password"), admin.password());
		click(By.id("login-submit"));
		this.wait.until(ExpectedConditions.urlContains("/machines"));
	}

	private void criterion(int line, String field, String operator, String value) {
		new Select(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f" + line))))
			.selectByValue(field);
		new Select(this.browser.findElement(By.id("o" + line))).selectByValue(operator);
		type(By.id("v" + line), value);
	}

	private static String capturedInventoryOf(String host) throws Exception {
		try (InputStream in = InventoryBrowserIT.class.getClassLoader()
			.getResourceAsStream("fixtures/ocs/inventory-request.xml")) {
			String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return xml.replace("vm-2026-11-22-14-34-14", host + "-2026-11-22-14-34-14")
				.replace("<NAME>vm</NAME>", "<NAME>" + host + "</NAME>")
				.replaceAll("<MACADDR>[0-9a-f:]{14}",
						"<MACADDR>02:" + Integer.toHexString(0x10 + Math.abs(host.hashCode() % 0xef)) + ":00:00:00");
		}
	}

	private static byte[] zlib(String xml) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
			deflater.write(xml.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	private void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private void type(By locator, String text) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
		field.clear();
		field.sendKeys(text);
	}

	private String text(By locator) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText().trim();
	}

	private void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
