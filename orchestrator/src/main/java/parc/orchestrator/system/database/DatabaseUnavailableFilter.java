package parc.orchestrator.system.database;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 at once while PostgreSQL is out of reach, ahead of Spring Security (whose
 * user lookup would otherwise fail into a 401 after a connection timeout), and turns a
 * database failure that escapes any handler into the same 503 instead of a 500. Styles,
 * scripts and health stay served: the page needs the first, and health must keep saying
 * DOWN.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final List<String> ALWAYS_SERVED = List.of("/css/", "/js/", "/webjars/", "/images/", "/favicon.ico",
			"/actuator/health");

	private final DatabaseAvailability availability;

	private final DatabaseUnavailableResponses responses;

	DatabaseUnavailableFilter(DatabaseAvailability availability, DatabaseUnavailableResponses responses) {
		this.availability = availability;
		this.responses = responses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ALWAYS_SERVED.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.isUnavailable()) {
			this.responses.write(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!response.isCommitted() && this.availability.report(ex)) {
				this.responses.write(request, response);
				return;
			}
			throw ex;
		}
	}

}
