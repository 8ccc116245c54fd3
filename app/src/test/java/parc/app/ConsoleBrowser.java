package parc.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator's browser on a running Parc: headless Chromium with the waits every
 * console test needs, so a test reads as the clicks it makes. Screenshots land in
 * {@code target/screenshots/}. Close it after each test.
 */
final class ConsoleBrowser implements AutoCloseable {

	private final int port;

	private final WebDriver driver;

	private final WebDriverWait wait;

	ConsoleBrowser(int port) {
		this.port = port;
		this.driver = ChromiumDriverFactory.start();
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
		// A condition read while a form's answer replaces the page meets the old page's
		// element: it is read again on the new page.
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	WebDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting() {
		return this.wait;
	}

	void open(String path) {
		this.driver.get("http://127.0.0.1:" + this.port + path);
	}

	void logIn(String username, String password) {
		open("/login?lang=en");
		type(By.id("username"), username);
		type(By.id("password"), password);
		click(By.id("login-submit"));
		this.wait.until(ExpectedConditions.urlContains("/machines"));
	}

	void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	void type(By locator, String text) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
		field.clear();
		field.sendKeys(text);
	}

	String text(By locator) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText().trim();
	}

	/**
	 * Lets the browser save downloads, without asking, into {@code folder} (headless
	 * Chromium refuses them otherwise).
	 */
	void downloadInto(Path folder) {
		((org.openqa.selenium.chromium.ChromiumDriver) this.driver).executeCdpCommand("Browser.setDownloadBehavior",
				java.util.Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
	}

	void screenshot(String name) throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Path shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Quits the browser, failing when any page it showed had something refused by the
	 * console's Content-Security-Policy: a script or style the pages still carry inline.
	 */
	@Override
	public void close() {
		List<String> refused;
		try {
			refused = this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::getMessage)
				.filter((message) -> message.contains("Content Security Policy"))
				.toList();
		}
		finally {
			this.driver.quit();
		}
		if (!refused.isEmpty()) {
			throw new AssertionError("Refused by the Content-Security-Policy: " + refused);
		}
	}

}
