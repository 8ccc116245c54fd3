package parc.ui.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolationException;

import parc.orchestrator.agent.AgentOverrides;
import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.NoAgentReportedException;
import parc.orchestrator.inventory.AdminData;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.MachineInventory;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;

/**
 * The inventory tabs of a machine (Hardware, Software, Network, Storage, Devices, Users,
 * History) and the form of its administrative data. The General tab is the machine's own
 * page.
 */
@Controller
@RequestMapping("/machines/{id}")
class MachineInventoryController {

	static final String INVENTORY_VIEW = "inventory/machineInventory";

	static final Set<String> TABS = Set.of("hardware", "software", "network", "storage", "devices", "users", "other",
			"history");

	/**
	 * Sections of hardware the Devices tab shows beside graphics, monitors and printers;
	 * every other section an agent sends is on the Other tab.
	 */
	static final Set<String> DEVICE_SECTIONS = Set.of("controllers", "sounds", "inputs", "ports", "slots", "modems",
			"usbdevices", "batteries", "powersupplies");

	/** Rows shown per section on the Other tab: a process list can hold thousands. */
	static final int OTHER_ROWS_SHOWN = 500;

	private final MachineService machines;

	private final InventoryService inventories;

	private final AdminDataService adminData;

	private final AgentService agents;

	MachineInventoryController(MachineService machines, InventoryService inventories, AdminDataService adminData,
			AgentService agents) {
		this.machines = machines;
		this.inventories = inventories;
		this.adminData = adminData;
		this.agents = agents;
	}

	@GetMapping("/inventory/{tab}")
	String tab(@PathVariable long id, @PathVariable String tab, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		if (!TABS.contains(tab)) {
			return "redirect:/machines/" + id;
		}
		model.addAttribute("machine", this.machines.get(id));
		model.addAttribute("tab", tab);
		Optional<MachineInventory> inventory = this.inventories.current(id);
		model.addAttribute("inventory", inventory.orElse(null));
		int pageSize = PageRequest.SIZES.contains(size) ? size : 50;
		if ("software".equals(tab) && inventory.isPresent()) {
			model.addAttribute("q", q);
			model.addAttribute("software", filter(inventory.get().document().software(), q, page, pageSize));
		}
		if ("history".equals(tab)) {
			model.addAttribute("history", this.inventories.history(id, new PageRequest(page, pageSize)));
		}
		if (("devices".equals(tab) || "other".equals(tab)) && inventory.isPresent()) {
			boolean devices = "devices".equals(tab);
			Map<String, SectionView> sections = new java.util.TreeMap<>();
			inventory.get().document().otherSections().forEach((name, rows) -> {
				if (DEVICE_SECTIONS.contains(name) == devices) {
					sections.put(name, SectionView.of(rows, OTHER_ROWS_SHOWN));
				}
			});
			model.addAttribute(devices ? "deviceSections" : "otherSections", sections);
		}
		return INVENTORY_VIEW;
	}

	@PostMapping("/admin-data")
	String updateAdminData(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("field.")) {
				fields.put(name.substring("field.".length()), value);
			}
		});
		try {
			this.adminData.update(id, new AdminData(form.get("tag"), fields));
			Flash.success(redirect, "adminData.flash.saved");
		}
		catch (IllegalArgumentException ex) {
			Flash.error(redirect, "adminData.flash.invalid", ex.getMessage());
		}
		return "redirect:/machines/" + id;
	}

	/**
	 * A machine's own FREQUENCY and PROLOG_FREQ; blank fields fall back to the server's.
	 */
	@PostMapping("/agent-overrides")
	String updateOverrides(@PathVariable long id, @RequestParam(required = false) Integer frequencyDays,
			@RequestParam(required = false) Integer prologFrequencyHours, RedirectAttributes redirect) {
		try {
			this.agents.updateOverrides(id, new AgentOverrides(frequencyDays, prologFrequencyHours));
			Flash.success(redirect, "agentOverrides.flash.saved");
		}
		catch (NoAgentReportedException ex) {
			Flash.error(redirect, "agentOverrides.flash.noAgent");
		}
		catch (ConstraintViolationException ex) {
			Flash.error(redirect, "agentOverrides.flash.invalid");
		}
		return "redirect:/machines/" + id;
	}

	/** Case-insensitive match on name, publisher or version; {@code *} is a wildcard. */
	static Page<Map<String, String>> filter(List<Map<String, String>> software, String query, int page, int size) {
		List<Map<String, String>> matching = software;
		if (query != null && !query.isBlank()) {
			java.util.regex.Pattern pattern = wildcard(query.trim());
			matching = software.stream()
				.filter((row) -> List.of("name", "publisher", "version")
					.stream()
					.map(row::get)
					.anyMatch((value) -> value != null && pattern.matcher(value).find()))
				.toList();
		}
		PageRequest request = new PageRequest(page, size);
		int from = (int) Math.min(request.offset(), matching.size());
		int to = Math.min(from + request.size(), matching.size());
		return new Page<>(matching.subList(from, to), request.page(), request.size(), matching.size());
	}

	private static java.util.regex.Pattern wildcard(String query) {
		StringBuilder regex = new StringBuilder();
		for (String part : query.toLowerCase(Locale.ROOT).split("\\*", -1)) {
			regex.append((regex.length() > 0) ? ".*" : "").append(java.util.regex.Pattern.quote(part));
		}
		return java.util.regex.Pattern.compile(regex.toString(),
				java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
	}

}
