package parc.ui.teledeployment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.teledeployment.AgentDownloadSettings;
import parc.orchestrator.teledeployment.TeledeploymentService;

/** {@code /api/settings/agent-downloads}: the pace sent to agents' download workers. */
@RestController
@Tag(name = "Settings")
class AgentDownloadSettingsApiController {

	private final TeledeploymentService teledeployment;

	AgentDownloadSettingsApiController(TeledeploymentService teledeployment) {
		this.teledeployment = teledeployment;
	}

	@GetMapping("/api/settings/agent-downloads")
	@Operation(summary = "Whether packages are offered to agents, and the download workers' latencies")
	AgentDownloadSettings settings() {
		return this.teledeployment.settings();
	}

	@PutMapping("/api/settings/agent-downloads")
	@Operation(summary = "Change them; agents take them at their next PROLOG")
	AgentDownloadSettings update(@RequestBody AgentDownloadSettings settings) {
		return this.teledeployment.updateSettings(settings);
	}

}
