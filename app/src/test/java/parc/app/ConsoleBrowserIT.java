package parc.app;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

	ConsoleBrowser console;

	@BeforeEach
	void openBrowser() {
		this.console = new ConsoleBrowser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.console != null) {
			this.console.close();
		}
	}

	@Test
	void shouldRegisterMachineAndShowConsoleInEnglishAndFrench() throws Exception {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("sysadmin-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		String machineName = "intranet-" + UUID.randomUUID().toString().substring(0, 6);

		this.console.logIn(admin.username(), admin.password());
		assertThat(this.console.text(By.tagName("h1"))).isEqualTo("Machines");

		this.console.click(By.id("new-machine"));
		this.console.type(By.id("name"), machineName);
		this.console.type(By.id("address"), "intranet.example.org");
		this.console.type(By.id("macAddresses"), "00:11:22:33:44:GG");
		this.console.type(By.id("tags"), "web, intranet");
		this.console.click(By.id("save-machine"));
		assertThat(this.console.text(By.id("form-errors"))).contains("Some fields need correcting");
		assertThat(this.console.text(By.cssSelector("#macAddresses + .invalid-feedback")))
			.contains("must be a MAC address");

		WebElement macs = this.console.driver().findElement(By.id("macAddresses"));
		macs.clear();
		macs.sendKeys("00-11-22-33-44-55");
		this.console.click(By.id("save-machine"));
		assertThat(this.console.text(By.id("flash"))).isEqualTo("Machine " + machineName + " registered.");
		assertThat(this.console.text(By.id("machine-macs"))).contains("00:11:22:33:44:55");

		this.console.click(By.id("nav-machines"));
		this.console.type(By.id("filter"), machineName.substring(0, 12));
		// The live filter answers keystroke by keystroke: wait for the answer to the
		// whole
		// text, not the first one that happens to show the machine among others.
		this.console.waiting()
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#machine-table tbody tr"), 1));
		assertThat(this.console.text(By.id("machine-table"))).contains(machineName);
		this.console.screenshot("machines-en.png");

		this.console.waiting().until(ExpectedConditions.attributeContains(By.id("lang-fr"), "href", "name=intranet-"));
		this.console.click(By.id("lang-fr"));
		this.console.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-deployments"), "Déploiements"));
		assertThat(this.console.text(By.id("new-machine"))).isEqualTo("Nouvelle machine");
		assertThat(this.console.driver().findElement(By.id("filter")).getAttribute("value"))
			.isEqualTo(machineName.substring(0, 12));
		assertThat(this.console.text(By.id("machine-table"))).contains(machineName);
		this.console.screenshot("machines-fr.png");

		this.console.click(By.id("lang-en"));
		this.console.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-deployments"), "Deployments"));
		assertThat(this.console.text(By.id("new-machine"))).isEqualTo("New machine");

		this.console.click(By.id("logout"));
		this.console.waiting().until(ExpectedConditions.urlContains("/login"));
		assertThat(this.console.text(By.id("login-logout"))).isEqualTo("You have logged out.");
	}

}
