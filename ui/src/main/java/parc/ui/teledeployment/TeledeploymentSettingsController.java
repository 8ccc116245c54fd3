package parc.ui.teledeployment;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.teledeployment.AgentDownloadSettings;
import parc.orchestrator.teledeployment.DeployServerService;
import parc.orchestrator.teledeployment.TeledeploymentService;
import parc.ui.system.Flash;
import parc.ui.system.FormErrors;

/**
 * Settings, "Teledeployment" (ADMIN only): the deployment server's names and
 * fingerprints, a new server certificate after confirmation, the CA to download, and the
 * pace of the agents' download workers.
 */
@Controller
@RequestMapping("/settings/teledeployment")
class TeledeploymentSettingsController {

	static final String VIEW = "settings/teledeploymentSettings";

	private final TeledeploymentService teledeployment;

	private final DeployServerService deployServer;

	TeledeploymentSettingsController(TeledeploymentService teledeployment, DeployServerService deployServer) {
		this.teledeployment = teledeployment;
		this.deployServer = deployServer;
	}

	@GetMapping
	String show(Model model) {
		if (!model.containsAttribute("downloads")) {
			model.addAttribute("downloads", this.teledeployment.settings());
		}
		model.addAttribute("server", this.deployServer.status());
		return VIEW;
	}

	@PostMapping
	String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam int fragLatency,
			@RequestParam int cycleLatency, @RequestParam int periodLatency, @RequestParam int periodLength,
			@RequestParam int timeoutDays, @RequestParam int executionTimeoutMinutes, Model model,
			RedirectAttributes redirect) {
		AgentDownloadSettings settings = new AgentDownloadSettings(enabled, fragLatency, cycleLatency, periodLatency,
				periodLength, timeoutDays, executionTimeoutMinutes);
		try {
			this.teledeployment.updateSettings(settings);
		}
		catch (ConstraintViolationException ex) {
			model.addAttribute("downloads", settings);
			model.addAttribute("settingsError", FormErrors.describe(ex));
			return show(model);
		}
		Flash.success(redirect, "settings.teledeployment.saved");
		return "redirect:/settings/teledeployment";
	}

	@PostMapping("/regenerate")
	String regenerate(RedirectAttributes redirect) {
		this.deployServer.regenerateServerCertificate();
		Flash.success(redirect, "settings.teledeployment.regenerated");
		return "redirect:/settings/teledeployment";
	}

}
