package parc.app;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

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
 * An administrator in a real browser creates a schedule: a wrong cron is answered with
 * its position as it is typed, a right one with its next five fire times; once saved,
 * "Run now" adds a run that ends done.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
class ScheduleBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	UserAccountService accounts;

	ConsoleBrowser browser;

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
	void shouldPreviewTheCronSaveTheScheduleAndRunItNow() {
		GeneratedPassword admin = this.accounts
			.create(new NewUserAccount("sched-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
		this.browser.logIn(admin.username(), admin.password());
		String name = "Nightly clean " + UUID.randomUUID().toString().substring(0, 6);

		this.browser.click(By.id("nav-schedules"));
		this.browser.click(By.id("new-schedule"));
		this.browser.type(By.id("name"), name);
		new Select(this.browser.driver().findElement(By.id("kind"))).selectByValue("HOUSEKEEPING");
		this.browser.type(By.id("cron"), "0 61 3 * * ?");
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("next-fire-error"), "at position 3"));
		this.browser.type(By.id("cron"), "0 15 4 * * ?");
		this.browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#next-fire-times li"), 5));
		assertThat(this.browser.driver().findElement(By.id("next-fire-error")).getText()).isEmpty();
		this.browser.type(By.id("concurrency"), "1");
		this.browser.click(By.id("save-schedule"));

		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("schedule-name"), name));
		assertThat(this.browser.driver().findElements(By.cssSelector("#next-fires span"))).hasSize(5);
		this.browser.click(By.id("run-now"));
		this.browser.waiting().until((driver) -> {
			driver.navigate().refresh();
			return !driver.findElements(By.cssSelector("#run-table tr[data-state='DONE']")).isEmpty();
		});
	}

}
