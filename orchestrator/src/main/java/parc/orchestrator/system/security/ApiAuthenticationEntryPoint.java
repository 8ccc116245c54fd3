package parc.orchestrator.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import parc.orchestrator.system.database.DatabaseAvailability;
import parc.orchestrator.system.database.DatabaseUnavailableResponses;

/**
 * 401 with a Basic challenge and an RFC 7807 problem document, so that API clients get
 * JSON, not a login page. When the user could not be looked up because PostgreSQL is out
 * of reach, 503 instead.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponses problems;

	private final DatabaseAvailability database;

	private final DatabaseUnavailableResponses unavailable;

	ApiAuthenticationEntryPoint(ProblemResponses problems, DatabaseAvailability database,
			DatabaseUnavailableResponses unavailable) {
		this.problems = problems;
		this.database = database;
		this.unavailable = unavailable;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		// Valid credentials that could not be checked are no reason to ask for others.
		if (this.database.report(authException)) {
			this.unavailable.write(request, response);
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Parc\"");
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				"Authentication required: send HTTP Basic credentials of a Parc user");
	}

}
