package parc.ui.settings;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.AdminField;
import parc.orchestrator.inventory.AdminFieldType;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventorySettings;

/** {@code /api/settings}: the agent and inventory settings, and administrative fields. */
@RestController
@RequestMapping("/api/settings")
@Tag(name = "Settings", description = "Agent endpoint, inventory and administrative field settings (admins)")
class AgentSettingsApiController {

	private final AgentService agents;

	private final InventoryService inventories;

	private final AdminDataService adminData;

	AgentSettingsApiController(AgentService agents, InventoryService inventories, AdminDataService adminData) {
		this.agents = agents;
		this.inventories = inventories;
		this.adminData = adminData;
	}

	@GetMapping("/agents")
	@Operation(summary = "How agents are answered; the password is never shown")
	AgentSettingsView agentSettings() {
		return AgentSettingsView.of(this.agents.settings());
	}

	@PutMapping("/agents")
	@Operation(summary = "Change how agents are answered; a blank password keeps the current one")
	AgentSettingsView updateAgentSettings(@RequestBody AgentSettingsChange change) {
		this.agents.updateSettings(change.settings(), change.password());
		return AgentSettingsView.of(this.agents.settings());
	}

	@GetMapping("/inventory")
	@Operation(summary = "Inventories kept per machine and duplicate criteria")
	InventorySettings inventorySettings() {
		return this.inventories.settings();
	}

	@PutMapping("/inventory")
	InventorySettings updateInventorySettings(@RequestBody InventorySettings settings) {
		return this.inventories.updateSettings(settings);
	}

	@GetMapping("/admin-fields")
	List<AdminField> fields() {
		return this.adminData.fields();
	}

	@PostMapping("/admin-fields")
	@ResponseStatus(HttpStatus.CREATED)
	AdminField createField(@RequestBody NewAdminField field) {
		return this.adminData.createField(field.key(), field.label(), field.type());
	}

	@DeleteMapping("/admin-fields/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteField(@PathVariable long id) {
		this.adminData.deleteField(id);
	}

	/**
	 * The agent settings with an optional new password.
	 */
	record AgentSettingsChange(int frequencyDays, int prologFrequencyHours, boolean authenticationRequired,
			String username, String password, String realm, List<String> allowedNetworks, String tagLabel) {

		AgentSettings settings() {
			return new AgentSettings(this.frequencyDays, this.prologFrequencyHours, this.authenticationRequired,
					this.username, null, this.realm, this.allowedNetworks, this.tagLabel);
		}

	}

	/** The agent settings as shown: whether a password is set, never the password. */
	record AgentSettingsView(int frequencyDays, int prologFrequencyHours, boolean authenticationRequired,
			String username, boolean passwordSet, String realm, List<String> allowedNetworks, String tagLabel) {

		static AgentSettingsView of(AgentSettings settings) {
			return new AgentSettingsView(settings.frequencyDays(), settings.prologFrequencyHours(),
					settings.authenticationRequired(), settings.username(), settings.passwordHash() != null,
					settings.realm(), settings.allowedNetworks(), settings.tagLabel());
		}

	}

	record NewAdminField(String key, String label, AdminFieldType type) {
	}

}
