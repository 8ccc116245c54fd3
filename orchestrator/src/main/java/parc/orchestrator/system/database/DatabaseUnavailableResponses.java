package parc.orchestrator.system.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import parc.orchestrator.system.security.ProblemResponses;

/**
 * The 503 each kind of client understands while PostgreSQL is out of reach, always with
 * {@code Retry-After}: a problem document for the API and Camunda's REST API, one line of
 * text for agents, and for a browser a page that says so (in English or French) and
 * reloads itself, rather than a login form that could not log anyone in.
 */
@Component
public class DatabaseUnavailableResponses {

	/** Seconds a client is asked to wait: about what a restart of PostgreSQL takes. */
	public static final int RETRY_AFTER_SECONDS = 10;

	static final String DETAIL = "Parc's database is unavailable; nothing was changed. Try again in a few seconds.";

	private final ProblemResponses problems;

	private final byte[] englishPage = page("en");

	private final byte[] frenchPage = page("fr");

	DatabaseUnavailableResponses(ProblemResponses problems) {
		this.problems = problems;
	}

	private static byte[] page(String language) {
		String name = "/parc/orchestrator/database-unavailable_" + language + ".html";
		try (InputStream in = DatabaseUnavailableResponses.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers 503 as the request's client expects. */
	public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || !accept.contains("text/html")) {
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write((DETAIL + "\n").getBytes(StandardCharsets.UTF_8));
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		boolean french = Locale.FRENCH.getLanguage().equals(request.getLocale().getLanguage());
		response.getOutputStream().write(french ? this.frenchPage : this.englishPage);
	}

}
