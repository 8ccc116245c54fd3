package parc.routes.agentdownload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import parc.orchestrator.teledeployment.TeledeploymentService;

/**
 * {@code GET /download/<id>/info} and {@code GET /download/<id>/<id>-<n>}: the files of a
 * package offered to agents, with their exact {@code Content-Length} (the agent's
 * {@code mirror()} counts a mismatch as a failed fetch, protocol §4.2). Anything else,
 * any other method, any other path, a package not offered: 404, and never a file outside
 * the package's own folder (the service only resolves names it generated).
 */
class AgentDownloadServlet extends HttpServlet {

	static final String PATH = "/download";

	private final transient TeledeploymentService teledeployment;

	AgentDownloadServlet(TeledeploymentService teledeployment) {
		this.teledeployment = teledeployment;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		Optional<Path> file = file(request.getPathInfo());
		if (file.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		long size = Files.size(file.get());
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/octet-stream");
		response.setContentLengthLong(size);
		response.setHeader("Cache-Control", "no-cache");
		if ("GET".equals(method)) {
			Files.copy(file.get(), response.getOutputStream());
		}
	}

	private Optional<Path> file(String pathInfo) {
		if (pathInfo == null) {
			return Optional.empty();
		}
		String[] parts = pathInfo.split("/", -1);
		// "", "<id>", "<file>": nothing more, nothing less.
		if (parts.length != 3 || !parts[0].isEmpty()) {
			return Optional.empty();
		}
		return this.teledeployment.downloadableFile(parts[1], parts[2]);
	}

}
