package parc.app;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.orchestrator.system.ParcProperties;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's session cookie, as a browser receives it when an admin signs in. */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=true" })
class SessionCookieIT {

	@LocalServerPort
	int port;

	@Autowired
	ParcProperties parc;

	@Test
	void shouldSendTheSessionCookieHttpOnlyAndSameSiteLax() throws Exception {
		String password = Files.readString(this.parc.dataDir().resolve("initial-admin-password")).trim();
		ParcHttpClient browser = new ParcHttpClient("http://127.0.0.1:" + this.port);

		HttpResponse<String> login = browser.logInToConsole("admin", password);

		assertThat(login.statusCode()).isEqualTo(302);
		List<String> session = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.toList();
		assertThat(session).singleElement()
			.satisfies((cookie) -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
	}

}
