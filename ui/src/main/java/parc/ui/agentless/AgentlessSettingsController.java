package parc.ui.agentless;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.hostkey.HostKeyNotFoundException;
import parc.orchestrator.hostkey.HostKeyService;
import parc.orchestrator.hostkey.HostKeyTrust;
import parc.ui.system.Flash;

/**
 * Settings > Agentless: host-key policy, Wake-on-LAN, time limits, and the recorded host
 * keys.
 */
@Controller
@RequestMapping("/settings/agentless")
class AgentlessSettingsController {

	static final String VIEW = "settings/agentlessSettings";

	private final AgentlessSettingsService settings;

	private final HostKeyService hostKeys;

	AgentlessSettingsController(AgentlessSettingsService settings, HostKeyService hostKeys) {
		this.settings = settings;
		this.hostKeys = hostKeys;
	}

	@ModelAttribute("trustPolicies")
	HostKeyTrust[] trustPolicies() {
		return HostKeyTrust.values();
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("settings", this.settings.settings());
		model.addAttribute("hostKeys", this.hostKeys.list());
		return VIEW;
	}

	@PostMapping
	String save(@RequestParam HostKeyTrust hostKeyTrust, @RequestParam String wakeBroadcastAddress,
			@RequestParam int wakePort, @RequestParam int wakeRepeats, @RequestParam int probeTimeoutMillis,
			@RequestParam int inventoryTimeLimitSeconds, @RequestParam String filePullFolder,
			@RequestParam long filePullMaxMegabytes, RedirectAttributes redirect) {
		try {
			this.settings.update(new AgentlessSettings(hostKeyTrust, wakeBroadcastAddress.trim(), wakePort, wakeRepeats,
					probeTimeoutMillis, inventoryTimeLimitSeconds, filePullFolder.trim(),
					filePullMaxMegabytes * 1024 * 1024));
			Flash.success(redirect, "settings.flash.saved");
		}
		catch (ConstraintViolationException ex) {
			Flash.error(redirect, "settings.flash.invalid", ex.getMessage());
		}
		return "redirect:/settings/agentless";
	}

	@PostMapping("/host-keys/forget")
	String forget(@RequestParam String host, @RequestParam int port, RedirectAttributes redirect) {
		try {
			this.hostKeys.forget(host, port);
			Flash.success(redirect, "hostKey.flash.forgotten", host + ":" + port);
		}
		catch (HostKeyNotFoundException ex) {
			Flash.error(redirect, "hostKey.flash.changedAgain");
		}
		return "redirect:/settings/agentless";
	}

}
