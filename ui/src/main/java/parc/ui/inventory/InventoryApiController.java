package parc.ui.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import parc.orchestrator.agent.AgentOverrides;
import parc.orchestrator.agent.AgentService;
import parc.orchestrator.inventory.AdminData;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryChange;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.MachineInventory;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * A machine's inventory over REST. The JSON of {@code /inventory} is a public contract
 * (issue #4): sections at the top level, the software list an array named
 * {@code software} of {@code {name, publisher, version, ...}}.
 */
@RestController
@RequestMapping("/api/machines/{id}")
@Tag(name = "Inventory", description = "Inventories, their history and administrative data")
class InventoryApiController {

	private final InventoryService inventories;

	private final AdminDataService adminData;

	private final AgentService agents;

	InventoryApiController(InventoryService inventories, AdminDataService adminData, AgentService agents) {
		this.inventories = inventories;
		this.adminData = adminData;
		this.agents = agents;
	}

	@GetMapping("/inventory")
	@Operation(summary = "The machine's latest inventory; 404 when it has none yet")
	MachineInventory inventory(@PathVariable long id) {
		return this.inventories.current(id)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Machine " + id + " has no inventory yet"));
	}

	@GetMapping("/inventory/history")
	@Operation(summary = "What changed between the machine's inventories, newest first")
	Page<InventoryChange> history(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return this.inventories.history(id, new PageRequest(page, size));
	}

	@GetMapping("/admin-data")
	@Operation(summary = "The machine's TAG and administrator-defined fields")
	AdminData adminData(@PathVariable long id) {
		return this.adminData.get(id);
	}

	@PutMapping("/admin-data")
	@Operation(summary = "Replace the machine's TAG and field values; agents receive them at their next inventory")
	AdminData updateAdminData(@PathVariable long id, @RequestBody AdminData data) {
		return this.adminData.update(id, data);
	}

	@GetMapping("/agent-overrides")
	@Operation(summary = "The machine's own FREQUENCY and PROLOG_FREQ (null = server setting)")
	AgentOverrides overrides(@PathVariable long id) {
		return this.agents.overrides(id);
	}

	@PutMapping("/agent-overrides")
	@Operation(summary = "Set the machine's own FREQUENCY and PROLOG_FREQ")
	AgentOverrides updateOverrides(@PathVariable long id, @RequestBody AgentOverrides overrides) {
		return this.agents.updateOverrides(id, overrides);
	}

}
