package parc.orchestrator.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 403 as a problem document: a read-only {@code USER} asked for a change, or a non-admin
 * for the engine API.
 */
@Component
class ApiAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemResponses problems;

	ApiAccessDeniedHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.problems.write(request, response, HttpStatus.FORBIDDEN,
				"Your role does not allow this: changes need the ADMIN role");
	}

}
