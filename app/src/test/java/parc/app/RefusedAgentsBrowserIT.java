package parc.app;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
 * An administrator in a real browser finds the agents Parc refuses: an agent of an
 * unknown family posting with a Content-Type no OCS agent uses, and a known machine's
 * agent sending an inventory with no content. The list shows who, what and how often; the
 * machine's page leads to its agent's refusals; the list can be filtered and, after
 * confirmation, emptied.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "parc.test.context=refused-agents-browser")
class RefusedAgentsBrowserIT {

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
	void shouldListRefusedAgentsAndLeadFromTheMachineToItsAgentsRefusals() throws Exception {
		String host = "refused-" + UUID.randomUUID().toString().substring(0, 8);
		ParcHttpClient agents = new ParcHttpClient("http://127.0.0.1:" + this.port);
		assertThat(agents
			.postAgentBody("/ocsinventory", CapturedAgentPayloads.zlib(CapturedAgentPayloads.inventoryOf(host, 7)))
			.statusCode()).isEqualTo(200);
		byte[] prolog = CapturedAgentPayloads.zlib(CapturedAgentPayloads.prologOf("curious"));
		for (int i = 0; i < 2; i++) {
			assertThat(agents.postAgentBody("/ocsinventory", prolog, "Curious-Agent_v0.1", "application/json")
				.statusCode()).isEqualTo(415);
		}
		assertThat(
				agents
					.postAgentBody("/ocsinventory",
							CapturedAgentPayloads.zlib("<REQUEST><DEVICEID>" + CapturedAgentPayloads.deviceId(host)
									+ "</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"),
							"OCS-NG_WINDOWS_AGENT_v2.4.0.0", "application/x-compressed")
					.statusCode())
			.isEqualTo(400);
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("refusals-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());

		this.browser.click(By.id("nav-inventory"));
		this.browser.click(By.id("refused-agents"));

		String table = this.browser.text(By.id("refusal-table"));
		assertThat(table).contains("Curious-Agent_v0.1").contains("application/json").contains("415");
		assertThat(table).contains("OCS-NG_WINDOWS_AGENT_v2.4.0.0")
			.contains("INVENTORY without CONTENT")
			.contains(host);
		assertThat(this.browser.text(By.xpath("//tr[contains(., 'Curious-Agent_v0.1')]/td[last()]"))).isEqualTo("2");
		this.browser.screenshot("refused-agents.png");

		this.browser.type(By.id("filter"), "Curious");
		this.browser.waiting()
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#refusal-table tbody tr"), 1));
		assertThat(this.browser.text(By.cssSelector("#refusal-table tbody tr"))).contains("Curious-Agent_v0.1");

		this.browser.open("/machines?name=" + host);
		this.browser.click(By.linkText(host));
		assertThat(this.browser.text(By.id("machine-refusals"))).contains("1");
		this.browser.click(By.cssSelector("#machine-refusals a"));
		assertThat(this.browser.text(By.id("refusal-machine"))).contains(host);
		assertThat(this.browser.driver().findElements(By.cssSelector("#refusal-table tbody tr"))).hasSize(1);
		assertThat(this.browser.text(By.cssSelector("#refusal-table tbody tr"))).contains("INVENTORY without CONTENT")
			.doesNotContain("Curious");

		this.browser.click(By.id("clear-refusals"));
		this.browser.waiting().until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(this.browser.driver().findElements(By.cssSelector("#refusal-table tbody tr"))).hasSize(1);
		this.browser.click(By.id("clear-refusals"));
		this.browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
		assertThat(this.browser.text(By.id("no-refusals"))).isEqualTo("No agent request was refused.");
	}

}
