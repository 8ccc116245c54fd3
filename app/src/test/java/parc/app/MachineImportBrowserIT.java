package parc.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

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

import parc.orchestrator.machine.MachineService;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator imports a CSV file of machines in a real browser (issue #7): the
 * header mapping is shown and corrected before anything is applied, the import runs on
 * the queue while the page follows it, and the report names every bad row by its line.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
class MachineImportBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	@Autowired
	MachineService machines;

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
	void shouldCheckTheMappingThenImportTheGoodRowsAndReportTheBadOnes() throws Exception {
		String p = "csv" + UUID.randomUUID().toString().substring(0, 6) + "-";
		Path file = Files.createTempDirectory("parc-csv-").resolve("fleet.csv");
		Files.writeString(file,
				String.join("\n", "Nom;Adresse IP;MAC;Salle", p + "web;192.0.2.10;aa:bb:cc:dd:ee:10;B12",
						p + "broken;192.0.2.11;not-a-mac;B12", p + "db;192.0.2.12;;C3", p + "WEB;192.0.2.13;;C3")
						+ "\n",
				StandardCharsets.UTF_8);
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("importer-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());

		this.browser.click(By.id("nav-machines"));
		this.browser.click(By.id("import-machines"));
		this.browser.driver().findElement(By.id("file")).sendKeys(file.toString());
		this.browser.click(By.id("upload-submit"));

		assertThat(selected(0)).isEqualTo("name");
		assertThat(selected(1)).isEqualTo("address");
		assertThat(selected(2)).isEqualTo("macAddresses");
		assertThat(selected(3)).as("no field called Salle: left out unless chosen").isEqualTo("ignore");
		assertThat(this.browser.text(By.id("mapping-table"))).contains(p + "broken");
		new Select(this.browser.driver().findElement(By.id("mapping-3"))).selectByValue("notes");
		this.browser.click(By.id("mode-GOOD_ROWS"));
		this.browser.click(By.id("confirm-import"));

		// No reload: the page that followed the run shows the report's rows when it says
		// DONE.
		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("import-state"), "data-state", "DONE"));
		assertThat(this.browser.text(By.id("count-created"))).isEqualTo("2 created");
		assertThat(this.browser.text(By.id("count-errors"))).isEqualTo("2 error(s)");
		List<String> errors = this.browser.driver()
			.findElements(By.cssSelector("#report-table tr.table-danger"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(errors).containsExactly("3 " + p + "broken Error 'not-a-mac' is not a MAC address",
				"5 " + p + "WEB Error the name is also on line 2");
		assertThat(this.machines.findByName(p + "db").orElseThrow().notes()).isEqualTo("C3");
		assertThat(this.machines.findByName(p + "broken")).isEmpty();
		this.browser.screenshot("machine-import-report.png");
	}

	private String selected(int column) {
		return new Select(
				this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-" + column))))
			.getFirstSelectedOption()
			.getAttribute("value");
	}

}
