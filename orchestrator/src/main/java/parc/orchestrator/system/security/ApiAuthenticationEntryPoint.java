package parc.orchestrator.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 with a Basic challenge and an RFC 7807 problem document, so that API clients get
 * JSON, not a login page.
 */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponses problems;

	ApiAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Parc\"");
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				"Authentication required: send HTTP Basic credentials of a Parc user");
	}

}
