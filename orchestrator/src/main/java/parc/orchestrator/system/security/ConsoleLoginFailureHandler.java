package parc.orchestrator.system.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import parc.orchestrator.system.database.DatabaseAvailability;
import parc.orchestrator.system.database.DatabaseUnavailableResponses;

/**
 * Back to the login form with an error for a wrong password; the "database unavailable"
 * page when the account could not be looked up at all, so nobody retypes a right
 * password.
 */
@Component
class ConsoleLoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	private final DatabaseAvailability database;

	private final DatabaseUnavailableResponses unavailable;

	ConsoleLoginFailureHandler(DatabaseAvailability database, DatabaseUnavailableResponses unavailable) {
		super("/login?error");
		this.database = database;
		this.unavailable = unavailable;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (this.database.report(exception)) {
			this.unavailable.write(request, response);
			return;
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
