package parc.app;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineQuery;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.AgentAction;
import parc.orchestrator.pkg.AgentPackageSettings;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.teledeployment.AgentDownloadSettings;
import parc.orchestrator.teledeployment.TeledeploymentService;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An administrator in headless Chromium deploys a package to the real OCS agent's machine
 * from the console, sees it notified then done without reloading the page, opens the
 * package's statistics with their chart, validates the successes and downloads
 * {@code cacert.pem}. The page refreshes every 2 s here, 30 s by default.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=false",
				"parc.console.refresh-seconds=2" })
class TeledeploymentBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	@Autowired
	MachineService machines;

	@Autowired
	PackageService packages;

	@Autowired
	TeledeploymentService teledeployment;

	private ConsoleBrowser browser;

	private RealOcsAgent agent;

	private Path work;

	@BeforeEach
	void agentAndBrowser() throws Exception {
		this.teledeployment.updateSettings(new AgentDownloadSettings(true, 1, 1, 1, 10, 30, 120));
		this.work = Files.createTempDirectory("parc-teledeploy-browser-");
		this.agent = new RealOcsAgent(this.port, this.work.resolve("agent"));
		this.browser = new ConsoleBrowser(this.port);
	}

	@AfterEach
	void close() {
		this.agent.stopDownloadWorkers();
		this.teledeployment.updateSettings(AgentDownloadSettings.defaults());
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void shouldDeployToTheAgentFromTheConsoleAndShowItsStatistics() throws Exception {
		RealOcsAgent.Run first = this.agent.run("--nosoftware");
		assertThat(first.exitCode()).as(first.log()).isZero();
		Machine machine = agentMachine();
		Path marker = this.work.resolve("from-console");
		String script = "#!/bin/sh\necho console > '" + marker + "'\n";
		// Priority 10: the agent handles the package on every tenth cycle, so it stays
		// notified for some seconds, long enough to be seen.
		SoftwarePackage pkg = this.packages.createFromFiles(
				new PackageDraft("console agent pkg " + UUID.randomUUID().toString().substring(0, 6), "1", null,
						"sh install.sh", OsFamily.LINUX, false, null,
						new AgentPackageSettings(AgentAction.EXECUTE, null, null, 10, null, null, null, null, null,
								null, null)),
				List.of(new IncomingFile("install.sh",
						() -> new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)))),
				"admin");
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("teledeployer-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());

		this.browser.open("/deployments/new?packageId=" + pkg.id());
		this.browser.click(By.id("machine-" + machine.id()));
		new Select(this.browser.driver().findElement(By.id("wol"))).selectByValue("NEVER");
		this.browser.click(By.id("launch-deployment"));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("deployment-state")));
		JavascriptExecutor js = (JavascriptExecutor) this.browser.driver();
		js.executeScript("window.parcSamePage = true");
		By row = By.id("target-" + machine.name());
		// The page swaps its rows in place every 2 s: a row read during a swap is stale,
		// read again.
		WebDriverWait minute = new WebDriverWait(this.browser.driver(), Duration.ofMinutes(1), Duration.ofMillis(200));
		minute.ignoring(StaleElementReferenceException.class);
		minute.until(ExpectedConditions.attributeToBe(row, "data-state", "WAITING_FOR_AGENT"));

		this.agent.run("--nosoftware", "--ca=" + caFile());

		minute.until(ExpectedConditions.attributeToBe(row, "data-state", "NOTIFIED"));
		WebDriverWait twoMinutes = new WebDriverWait(this.browser.driver(), Duration.ofMinutes(2));
		twoMinutes.ignoring(StaleElementReferenceException.class);
		twoMinutes.until(ExpectedConditions.attributeToBe(row, "data-state", "DONE"));
		assertThat(js.executeScript("return window.parcSamePage === true")).as("no reload").isEqualTo(true);
		minute.until(ExpectedConditions.attributeToBe(By.cssSelector("#target-" + machine.name() + " .agent-result"),
				"data-agent-result", "SUCCESS"));
		assertThat(marker).exists();

		this.browser.open("/packages/" + pkg.id());
		this.browser.click(By.id("agent-statistics-link"));
		this.browser.waiting()
			.until(ExpectedConditions.attributeToBe(By.id("agent-statistics-chart"), "data-drawn", "true"));
		assertThat(this.browser.text(By.id("statistics-table"))).contains("SUCCESS").contains("100.0");
		assertThat(this.browser.text(By.id("statistics-total"))).isEqualTo("1");
		this.browser.screenshot("agent-statistics.png");

		this.browser.click(By.id("validate-successes"));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("statistics-empty")));
		assertThat(this.browser.text(By.id("flash"))).contains("1");

		Path downloads = Files.createTempDirectory("parc-ca-");
		this.browser.downloadInto(downloads);
		this.browser.click(By.id("download-ca"));
		Path ca = downloads.resolve("cacert.pem");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ca).isNotEmptyFile());
		assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
	}

	private Machine agentMachine() {
		String name = RealOcsAgent.hostName();
		return this.machines.find(new MachineQuery(name, null, true, new PageRequest(0, 50)))
			.content()
			.stream()
			.filter((machine) -> machine.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No machine named " + name));
	}

	private Path caFile() throws Exception {
		Path file = this.work.resolve("cacert.pem");
		Files.writeString(file, caPem());
		return file;
	}

	private String caPem() throws Exception {
		return new ParcHttpClient("http://127.0.0.1:" + this.port).get("/api/deploy-server/ca.pem").body();
	}

}
