package parc.routes.agentdownload;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTPS port is for agents' downloads only: the console, the API and Cockpit answer
 * 404 there, so opening it to agents opens nothing else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeployServerPortFilter extends OncePerRequestFilter {

	private final DeployServerConnector connector;

	DeployServerPortFilter(DeployServerConnector connector) {
		this.connector = connector;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.isSecure() && request.getLocalPort() == this.connector.localPort()
				&& !request.getRequestURI().startsWith(AgentDownloadServlet.PATH + "/")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
