package parc.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.agentlessadapter.testsupport.NamespaceNetwork;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.discovery.DeviceService;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in a real browser declares the test network of namespaces, sweeps it
 * and watches the counts rise on the page without a reload, identifies the host that only
 * answers ICMP as a device type, and makes the printer-like host a machine. Few probes at
 * once, so that the sweep lasts long enough to be watched.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
				"parc.discovery.concurrency=8", "parc.discovery.reverse-dns=false" })
class DiscoveryBrowserIT {

	static NamespaceNetwork network;

	static NamespaceNetwork.Host pingHost;

	static NamespaceNetwork.Host printerHost;

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CredentialService credentials;

	@Autowired
	DeviceService devices;

	ConsoleBrowser browser;

	@BeforeAll
	static void buildNetwork() throws Exception {
		network = NamespaceNetwork.create();
		pingHost = network.addHost("ping", 20);
		printerHost = network.addHost("printer", 21);
		printerHost.startSshd(9100);
		network.checkRoutedHere(network.address(20));
	}

	@AfterAll
	static void tearDown() {
		if (network != null) {
			network.close();
		}
	}

	@BeforeEach
	void browserOpens() {
		this.browser = new ConsoleBrowser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void shouldSweepWatchTheCountsRiseIdentifyOneDeviceAndMakeAnotherAMachine() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		GeneratedPassword admin = this.accounts.create(new NewUserAccount("disc-" + suffix, Role.ADMIN));
		this.credentials.create(new CredentialDraft("discovery key " + suffix, CredentialType.PASSWORD, "root", null,
				null, "pw-" + suffix));
		this.devices.createType("Printer " + suffix, "setup");
		this.browser.logIn(admin.username(), admin.password());

		this.browser.click(By.id("nav-networks"));
		this.browser.click(By.id("new-network"));
		this.browser.type(By.id("address"), network.cidr());
		this.browser.type(By.id("name"), "Browser lab " + suffix);
		this.browser.click(By.id("save-network"));
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("network-name"), "Browser lab " + suffix));

		this.browser.click(By.id("start-sweep"));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sweep-probed")));
		JavascriptExecutor page = (JavascriptExecutor) this.browser.driver();
		page.executeScript("window.parcStillThisPage = true;");
		List<Integer> probed = new ArrayList<>();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(90)).pollingEvery(Duration.ofMillis(300))
			.until((driver) -> {
				probed.add(Integer.parseInt(driver.findElement(By.id("sweep-probed")).getText().trim()));
				return "DONE".equals(driver.findElement(By.id("sweep-progress")).getDomAttribute("data-state"))
						|| "DONE".equals(driver.findElement(By.id("sweep-progress")).getDomProperty("dataset.state"));
			});
		assertThat(page.executeScript("return window.parcStillThisPage === true;")).as("no reload").isEqualTo(true);
		assertThat(probed.stream().distinct().count()).as("counts seen rising: " + probed).isGreaterThanOrEqualTo(3);
		assertThat(probed).isSorted();
		assertThat(this.browser.driver().findElement(By.id("sweep-found")).getText()).isEqualTo("2");
		assertThat(this.browser.driver().findElement(By.id("count-UNKNOWN")).getText()).isEqualTo("2");

		this.browser.driver().navigate().refresh();
		this.browser.click(By.cssSelector("tr[data-address='" + pingHost.address() + "'] a.device-link"));
		new Select(this.browser.driver().findElement(By.id("deviceTypeId"))).selectByVisibleText("Printer " + suffix);
		this.browser.type(By.id("identify-description"), "the old label printer");
		this.browser.click(By.id("identify"));
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("device-state"), "Identified"));
		assertThat(this.browser.driver().findElement(By.id("device-description")).getText())
			.isEqualTo("the old label printer");

		this.browser.driver().navigate().back();
		this.browser.driver().navigate().back();
		this.browser.driver().navigate().refresh();
		this.browser.click(By.cssSelector("tr[data-address='" + printerHost.address() + "'] a.device-link"));
		new Select(this.browser.driver().findElement(By.id("credentialId")))
			.selectByVisibleText("discovery key " + suffix);
		this.browser.type(By.id("machine-name"), "found-printer-" + suffix);
		this.browser.click(By.id("make-machine"));
		this.browser.waiting().until(ExpectedConditions.urlMatches("/machines/\\d+$"));
		assertThat(this.browser.driver().getPageSource()).contains("found-printer-" + suffix)
			.contains(printerHost.mac());
	}

}
