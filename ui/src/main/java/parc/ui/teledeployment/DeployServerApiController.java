package parc.ui.teledeployment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.teledeployment.DeployServerService;
import parc.orchestrator.teledeployment.DeployServerStatus;

/**
 * {@code /api/deploy-server}: the built-in deployment server's names and fingerprints,
 * its CA as {@code cacert.pem} (readable without login: agents need it before they trust
 * anything), and a new server certificate on demand.
 */
@RestController
@Tag(name = "Deployment server", description = "The built-in server agents download packages from")
class DeployServerApiController {

	private final DeployServerService deployServer;

	DeployServerApiController(DeployServerService deployServer) {
		this.deployServer = deployServer;
	}

	@GetMapping("/api/deploy-server")
	@Operation(summary = "Names, HTTPS port and fingerprints of the deployment server's certificates")
	DeployServerStatus status() {
		return this.deployServer.status();
	}

	@GetMapping(path = "/api/deploy-server/ca.pem")
	@Operation(summary = "The CA agents check the deployment server with (ocsinventory-agent --ca=cacert.pem);"
			+ " no login needed")
	ResponseEntity<String> caPem() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-pem-file"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cacert.pem\"")
			.body(this.deployServer.caPem());
	}

	@PostMapping("/api/deploy-server/regenerate")
	@Operation(summary = "Make a new server certificate signed by the same CA (agents keep trusting it)")
	DeployServerStatus regenerate() {
		return this.deployServer.regenerateServerCertificate();
	}

}
