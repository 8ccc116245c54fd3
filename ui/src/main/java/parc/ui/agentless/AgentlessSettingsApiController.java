package parc.ui.agentless;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;

/**
 * {@code /api/settings/agentless}: host-key policy, Wake-on-LAN and time limits (admins).
 */
@RestController
@RequestMapping("/api/settings/agentless")
class AgentlessSettingsApiController {

	private final AgentlessSettingsService settings;

	AgentlessSettingsApiController(AgentlessSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping
	AgentlessSettings get() {
		return this.settings.settings();
	}

	@PutMapping
	AgentlessSettings update(@RequestBody AgentlessSettings settings) {
		return this.settings.update(settings);
	}

}
