package parc.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * An administrator in a real browser: logs in, registers a machine (after one mistake),
 * finds it in the list with the live filter, and reads the console in English and in
 * French. Screenshots land in {@code target/screenshots/}.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIT {

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
	void shouldRegisterMachineAndShowConsoleInEnglishAndFrench() throws Exception {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("sysadmin-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		String machineName = "intranet-" + UUID.randomUUID().toString().substring(0, 6);

		open("/login?lang=en");
		type(By.id("username"), admin.username());
		type(By.id("password"), admin.password());
		click(By.id("login-submit"));
		this.wait.until(ExpectedConditions.urlContains("/machines"));
		assertThat(text(By.tagName("h1"))).isEqualTo("Machines");

		click(By.id("new-machine"));
		type(By.id("name"), machineName);
		type(By.id("address"), "intranet.example.org");
		type(By.id("macAddresses"), "00:11:22:33:44:GG");
		type(By.id("tags"), "web, intranet");
		click(By.id("save-machine"));
		assertThat(text(By.id("form-errors"))).contains("Some fields need correcting");
		assertThat(text(By.cssSelector("#macAddresses + .invalid-feedback"))).contains("must be a MAC address");

		WebElement macs = this.browser.findElement(By.id("macAddresses"));
		macs.clear();
		macs.sendKeys("00-11-22-33-44-55");
		click(By.id("save-machine"));
		assertThat(text(By.id("flash"))).isEqualTo("Machine " + machineName + " registered.");
		assertThat(text(By.id("machine-macs"))).contains("00:11:22:33:44:55");

		click(By.id("nav-machines"));
		type(By.id("filter"), machineName.substring(0, 12));
		// The live filter answers keystroke by keystroke: wait for the answer to the
		// whole
		// text, not the first one that happens to show the machine among others.
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#machine-table tbody tr"), 1));
		assertThat(text(By.id("machine-table"))).contains(machineName);
		screenshot("machines-en.png");

		this.wait.until(ExpectedConditions.attributeContains(By.id("lang-fr"), "href", "name=intranet-"));
		click(By.id("lang-fr"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-deployments"), "Déploiements"));
		assertThat(text(By.id("new-machine"))).isEqualTo("Nouvelle machine");
		assertThat(this.browser.findElement(By.id("filter")).getAttribute("value"))
			.isEqualTo(machineName.substring(0, 12));
		assertThat(text(By.id("machine-table"))).contains(machineName);
		screenshot("machines-fr.png");

		click(By.id("lang-en"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-deployments"), "Deployments"));
		assertThat(text(By.id("new-machine"))).isEqualTo("New machine");

		click(By.id("logout"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		assertThat(text(By.id("login-logout"))).isEqualTo("You have logged out.");
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
