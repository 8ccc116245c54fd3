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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentState;
import parc.orchestrator.deployment.TargetState;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An administrator in headless Chromium deploys a package to a real sshd from the
 * console, watches the machine reach done without reloading the page, reads its log and
 * downloads the report (issue #6, must-show 3). The page refreshes every 2 s here, 30 s
 * by default.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=false",
				"parc.console.refresh-seconds=2" })
class DeploymentBrowserIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CredentialService credentials;

	@Autowired
	MachineService machines;

	@Autowired
	PackageService packages;

	@Autowired
	DeploymentRuns runs;

	@Autowired
	DeploymentService deployments;

	ConsoleBrowser browser;

	Machine machine;

	Credential credential;

	SoftwarePackage pkg;

	@BeforeEach
	void openBrowser() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		this.credential = this.credentials.create(new CredentialDraft("deploy browser key " + suffix,
				CredentialType.SSH_KEY, sshd.server().user(), sshd.server().clientKey(), null, null));
		this.machine = this.machines
			.register(new MachineDraft("deploy-sshd-" + suffix, "127.0.0.1", List.of(), OsFamily.LINUX,
					Channel.AGENTLESS_SSH, sshd.server().port(), null, this.credential.id(), List.of(), null, null));
		String script = "#!/bin/sh\necho \"hello from the package\"\n";
		this.pkg = this.packages.createFromFiles(
				new PackageDraft("browser pkg " + suffix, "1", null, "sh ./install.sh", OsFamily.LINUX, false, null),
				List.of(new IncomingFile("install.sh",
						() -> new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)))),
				"admin");
		this.browser = new ConsoleBrowser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
		this.machines.delete(this.machine.id());
	}

	@Test
	void shouldDeployFromTheConsoleAndFollowItWithoutReloading() throws Exception {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("deployer-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());
		this.browser.open("/machines/" + this.machine.id());
		this.browser.click(By.id("deploy-to-machine"));

		new Select(this.browser.driver().findElement(By.id("packageId"))).selectByValue(String.valueOf(this.pkg.id()));
		assertThat(this.browser.driver().findElement(By.id("machine-" + this.machine.id())).isSelected()).isTrue();
		new Select(this.browser.driver().findElement(By.id("wol"))).selectByValue("NEVER");
		this.browser.click(By.id("launch-deployment"));

		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("deployment-state")));
		assertThat(this.browser.text(By.id("flash"))).contains("launched");
		JavascriptExecutor js = (JavascriptExecutor) this.browser.driver();
		js.executeScript("window.parcSamePage = true");
		new WebDriverWait(this.browser.driver(), Duration.ofMinutes(2))
			.until(ExpectedConditions.attributeToBe(By.id("deployment-state"), "data-state", "DONE"));
		assertThat(js.executeScript("return window.parcSamePage === true")).as("no reload").isEqualTo(true);

		String row = "#target-" + this.machine.name();
		assertThat(this.browser.driver().findElement(By.cssSelector(row)).getAttribute("data-state")).isEqualTo("DONE");
		List<WebElement> lights = this.browser.driver().findElements(By.cssSelector(row + " .phase-light"));
		assertThat(lights).extracting((light) -> light.getAttribute("data-status"))
			.containsExactly("DONE", "DONE", "DONE");
		assertThat(lights.get(1).getCssValue("color")).as("green").isEqualTo("rgba(25, 135, 84, 1)");
		this.browser.screenshot("deployment-done.png");

		Path downloads = Files.createTempDirectory("parc-downloads-");
		this.browser.downloadInto(downloads);
		this.browser.click(By.id("report-csv"));
		Path csv = downloads.resolve("deployment-" + currentDeploymentId() + "-report.csv");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(csv)
				.as("downloads: %s, page %s", listing(downloads), this.browser.driver().getCurrentUrl())
				.isNotEmptyFile());
		assertThat(Files.readString(csv)).startsWith("category,phase,machines,percent").contains("DONE,,1,100.0");

		this.browser.click(By.id("log-" + this.machine.name()));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("deployment-log")));
		WebElement command = this.browser.driver()
			.findElements(By.cssSelector("#deployment-log .line-command"))
			.stream()
			.filter((line) -> line.getText().contains("$ sh ./install.sh"))
			.findFirst()
			.orElseThrow();
		assertThat(command.getCssValue("color")).as("blue").isEqualTo("rgba(86, 156, 214, 1)");
		WebElement out = this.browser.driver()
			.findElements(By.cssSelector("#deployment-log .line-out"))
			.stream()
			.filter((line) -> line.getText().contains("hello from the package"))
			.findFirst()
			.orElseThrow();
		assertThat(out.getCssValue("color")).as("green").isEqualTo("rgba(106, 208, 106, 1)");
		assertThat(this.browser.text(By.id("deployment-log"))).contains("exit code 0");
		this.browser.screenshot("deployment-log.png");
	}

	/**
	 * Parc's own process view, which Cockpit's community edition cannot give for a
	 * finished deployment: the diagram of each process the machine went through, marked
	 * from the engine's history, and for a running one the activity it waits in and a
	 * link to Cockpit.
	 */
	@Test
	void shouldDrawTheProcessesOfAFinishedAndOfARunningMachine() throws Exception {
		GeneratedPassword reader = this.accounts
			.create(new NewUserAccount("process-reader-" + UUID.randomUUID().toString().substring(0, 6), Role.USER));
		DeploymentOptions options = DeploymentOptions.builder().parameters(List.of()).wol(WakeOnLanMode.NEVER).build();
		long finished = this.runs
			.launch(new DeploymentRequest(this.pkg.id(), List.of(this.machine.id()), options), "admin")
			.id();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.deployments.get(finished).state() == DeploymentState.DONE);
		this.browser.logIn(reader.username(), reader.password());

		this.browser.open("/deployments/" + finished);
		this.browser.click(By.id("process-" + this.machine.name()));
		List<WebElement> cards = renderedProcesses();
		assertThat(cards).extracting((card) -> card.getAttribute("data-process-key"))
			.containsExactly("deploy-package", "deployment-phase", "deployment-phase", "deployment-phase");
		assertThat(cards).allSatisfy((card) -> assertThat(card.getAttribute("data-running")).isEqualTo("false"));
		WebElement machineCard = cards.get(0);
		assertThat(machineCard
			.findElements(By.cssSelector("g.parc-visited[data-element-id='CallActivity_RunInstallCommand']")))
			.hasSize(1);
		assertThat(machineCard.findElements(By.cssSelector("g.parc-waiting"))).isEmpty();
		assertThat(this.browser.driver().findElements(By.cssSelector(".cockpit-link"))).isEmpty();
		this.browser.screenshot("process-finished.png");

		String slowScript = "#!/bin/sh\nsleep 120\n";
		SoftwarePackage slow = this.packages.createFromFiles(
				new PackageDraft("slow pkg " + UUID.randomUUID().toString().substring(0, 6), "1", null,
						"sh ./install.sh", OsFamily.LINUX, false, null),
				List.of(new IncomingFile("install.sh",
						() -> new ByteArrayInputStream(slowScript.getBytes(StandardCharsets.UTF_8)))),
				"admin");
		long running = this.runs.launch(new DeploymentRequest(slow.id(), List.of(this.machine.id()), options), "admin")
			.id();
		try {
			await().atMost(Duration.ofMinutes(2))
				.until(() -> this.deployments.get(running).targets().get(0).state() == TargetState.EXECUTING);
			this.browser.open("/deployments/" + running + "/machines/" + this.machine.id() + "/process");
			cards = renderedProcesses();
			machineCard = cards.get(0);
			assertThat(machineCard.getAttribute("data-running")).isEqualTo("true");
			assertThat(machineCard
				.findElements(By.cssSelector("g.parc-waiting[data-element-id='CallActivity_RunInstallCommand']")))
				.hasSize(1);
			assertThat(machineCard
				.findElements(By.cssSelector("g.parc-visited[data-element-id='CallActivity_TransferPackage']")))
				.hasSize(1);
			assertThat(machineCard.findElement(By.cssSelector(".cockpit-link")).getAttribute("href"))
				.contains("/camunda/app/cockpit/default/#/process-instance/");
			assertThat(cards).extracting((card) -> card.getAttribute("data-process-key"))
				.containsExactly("deploy-package", "deployment-phase", "deployment-phase");
			this.browser.screenshot("process-running.png");
		}
		finally {
			this.runs.stop(running, "admin");
		}
	}

	/** The process cards of the page, once each diagram is drawn. */
	private List<WebElement> renderedProcesses() {
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".machine-process")));
		this.browser.waiting()
			.until((driver) -> driver.findElements(By.cssSelector(".process-diagram"))
				.stream()
				.allMatch((diagram) -> diagram.getAttribute("data-rendered") != null));
		List<WebElement> diagrams = this.browser.driver().findElements(By.cssSelector(".process-diagram"));
		assertThat(diagrams).extracting((diagram) -> diagram.getAttribute("data-rendered")).containsOnly("true");
		return this.browser.driver().findElements(By.cssSelector(".machine-process"));
	}

	private static List<String> listing(Path folder) throws java.io.IOException {
		try (var files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private String currentDeploymentId() {
		String url = this.browser.driver().getCurrentUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

}
