package parc.app;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in headless Chromium works an agentless machine backed by a real sshd
 * (issue #5, must-show 5): the light turns green, an inventory is collected from the
 * page, and a quick action runs with its output shown green.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AgentlessBrowserIT {

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

	ConsoleBrowser browser;

	Machine machine;

	Credential credential;

	@BeforeEach
	void openBrowser() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		this.credential = this.credentials.create(new CredentialDraft("browser key " + suffix, CredentialType.SSH_KEY,
				sshd.server().user(), sshd.server().clientKey(), null, null));
		this.machine = this.machines.register(new MachineDraft("sshd-" + suffix, "127.0.0.1", List.of(), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, sshd.server().port(), null, this.credential.id(), List.of(), null, null));
		this.browser = new ConsoleBrowser(this.port);
	}

	/** This host's inventory must not stay under this machine for the other ITs. */
	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
		this.machines.delete(this.machine.id());
		this.credentials.delete(this.credential.id());
	}

	@Test
	void shouldProbeCollectAndRunAQuickActionWithGreenOutput() throws Exception {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("ops-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());
		this.browser.open("/machines/" + this.machine.id());

		this.browser.click(By.id("probe-now"));
		assertThat(this.browser.text(By.id("flash"))).isEqualTo("The machine answers over SSH.");
		assertThat(this.browser.text(By.id("machine-light"))).contains("SSH answers").contains("checked just now");
		// A probe reads the banner only: the host key is first seen by the collection.
		assertThat(this.browser.text(By.id("machine-host-key"))).contains("not seen yet");

		this.browser.click(By.id("collect-now"));
		this.browser.waiting()
			.until(ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector("#collection-table .collection-state"), "done"));
		assertThat(this.browser.text(By.id("summary-software-count"))).isNotEqualTo("0");
		assertThat(this.browser.text(By.id("host-key-fingerprint"))).contains(sshd.server().hostKeyFingerprint());

		this.browser.click(By.id("quick-action"));
		new Select(this.browser.driver().findElement(By.id("actionId"))).selectByValue("free");
		this.browser.type(By.id("command"), "echo \"hello from $(hostname)\"; echo \"argument: $1\"");
		this.browser.type(By.id("arguments"), "$(touch pwned) & more");
		assertThat(this.browser.driver().findElement(By.id("machine-" + this.machine.id())).isSelected()).isTrue();
		this.browser.click(By.id("run-quick-action"));

		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-exit"), "exit code 0"));
		List<WebElement> stdout = this.browser.driver().findElements(By.cssSelector(".command-output .line-out"));
		assertThat(stdout).extracting(WebElement::getText)
			.containsExactly("hello from " + java.net.InetAddress.getLocalHost().getHostName(),
					"argument: $(touch pwned) & more");
		assertThat(stdout.get(0).getCssValue("color")).isEqualTo("rgba(106, 208, 106, 1)");
		assertThat(
				this.browser.driver().findElement(By.cssSelector(".command-output .line-command")).getCssValue("color"))
			.isEqualTo("rgba(86, 156, 214, 1)");
		assertThat(sshd.server().home().resolve("pwned")).doesNotExist();
		this.browser.screenshot("quick-action-output.png");
	}

}
