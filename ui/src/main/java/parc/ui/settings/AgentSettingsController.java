package parc.ui.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.AdminFieldType;
import parc.orchestrator.inventory.DuplicateCriterion;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventorySettings;
import parc.ui.system.Flash;

/** Settings, "Agents and inventory" (ADMIN only, see the security configuration). */
@Controller
@RequestMapping("/settings/agents")
class AgentSettingsController {

	static final String VIEW = "settings/agentSettings";

	private final AgentService agents;

	private final InventoryService inventories;

	private final AdminDataService adminData;

	AgentSettingsController(AgentService agents, InventoryService inventories, AdminDataService adminData) {
		this.agents = agents;
		this.inventories = inventories;
		this.adminData = adminData;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("agent", this.agents.settings().withoutSecret());
		model.addAttribute("inventory", this.inventories.settings());
		model.addAttribute("criteria", DuplicateCriterion.values());
		model.addAttribute("fields", this.adminData.fields());
		model.addAttribute("fieldTypes", AdminFieldType.values());
		return VIEW;
	}

	@PostMapping
	String save(@RequestParam int frequencyDays, @RequestParam int prologFrequencyHours,
			@RequestParam int inventoriesKept,
			@RequestParam(required = false) Set<DuplicateCriterion> duplicateCriteria,
			@RequestParam(defaultValue = "false") boolean authenticationRequired,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam String realm, @RequestParam(defaultValue = "") String allowedNetworks,
			@RequestParam String tagLabel, Model model, RedirectAttributes redirect) {
		List<String> networks = Arrays.stream(allowedNetworks.split("[\\r\\n,]+"))
			.map(String::trim)
			.filter((network) -> !network.isEmpty())
			.toList();
		try {
			this.agents.updateSettings(new AgentSettings(frequencyDays, prologFrequencyHours, authenticationRequired,
					username, null, realm, networks, tagLabel), password);
			this.inventories.updateSettings(
					new InventorySettings(inventoriesKept, (duplicateCriteria != null) ? duplicateCriteria : Set.of()));
		}
		catch (IllegalArgumentException | ConstraintViolationException ex) {
			model.addAttribute("settingsError", message(ex));
			return show(model);
		}
		Flash.success(redirect, "settings.agents.saved");
		return "redirect:/settings/agents";
	}

	@PostMapping("/fields")
	String addField(@RequestParam String key, @RequestParam String label, @RequestParam AdminFieldType type,
			RedirectAttributes redirect) {
		try {
			this.adminData.createField(key, label, type);
			Flash.success(redirect, "settings.fields.added", label);
		}
		catch (IllegalArgumentException ex) {
			Flash.error(redirect, "settings.fields.invalid", ex.getMessage());
		}
		return "redirect:/settings/agents";
	}

	@PostMapping("/fields/{id}/delete")
	String deleteField(@PathVariable long id, RedirectAttributes redirect) {
		this.adminData.deleteField(id);
		Flash.success(redirect, "settings.fields.deleted");
		return "redirect:/settings/agents";
	}

	private static String message(RuntimeException ex) {
		if (ex instanceof ConstraintViolationException violations) {
			return violations.getConstraintViolations()
				.stream()
				.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
				.sorted()
				.reduce((a, b) -> a + "; " + b)
				.orElse(ex.getMessage());
		}
		return ex.getMessage();
	}

}
