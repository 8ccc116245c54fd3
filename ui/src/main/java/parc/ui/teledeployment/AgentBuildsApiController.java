package parc.ui.teledeployment;

import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.teledeployment.TeledeploymentService;

/** {@code DELETE /api/packages/{id}/agent-builds}: ocsreports' "delete" of a package. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Packages")
class AgentBuildsApiController {

	private final TeledeploymentService teledeployment;

	AgentBuildsApiController(TeledeploymentService teledeployment) {
		this.teledeployment = teledeployment;
	}

	@DeleteMapping("/api/packages/{id}/agent-builds")
	@Operation(summary = "Withdraw the package from every machine waiting for it or notified, and delete the files"
			+ " agents download and their assignments; the package itself stays")
	Map<String, Object> delete(@PathVariable long id, Principal principal) {
		return Map.of("withdrawn", this.teledeployment.deleteAgentBuilds(id, principal.getName()));
	}

}
