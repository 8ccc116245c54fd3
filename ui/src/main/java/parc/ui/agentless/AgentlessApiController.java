package parc.ui.agentless;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.InventoryCollection;
import parc.orchestrator.agentless.ProbeStatus;
import parc.orchestrator.machine.MachineService;

/** Probes, inventory now and Wake-on-LAN of one machine. */
@RestController
@RequestMapping("/api/machines/{id}")
@Tag(name = "Agentless", description = "Status light, inventory now and Wake-on-LAN")
class AgentlessApiController {

	private final AgentlessService agentless;

	private final MachineService machines;

	AgentlessApiController(AgentlessService agentless, MachineService machines) {
		this.agentless = agentless;
		this.machines = machines;
	}

	@PostMapping("/probe")
	@Operation(summary = "Ping and SSH banner now: light GREEN (SSH answers), ORANGE (ping only) or RED")
	ProbeStatus probe(@PathVariable long id) {
		return this.agentless.probe(id);
	}

	@GetMapping("/probe")
	@Operation(summary = "The last probe, with the time it ran; 404 when never probed")
	ResponseEntity<ProbeStatus> lastProbe(@PathVariable long id) {
		this.machines.get(id);
		return ResponseEntity.of(this.agentless.lastProbe(id));
	}

	@PostMapping("/inventory/collect")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start an agentless inventory; follow it at .../inventory/collections/{collectionId},"
			+ " then read GET /api/machines/{id}/inventory")
	InventoryCollection collect(@PathVariable long id, Principal principal) {
		return this.agentless.requestInventory(id, principal.getName());
	}

	@GetMapping("/inventory/collections")
	@Operation(summary = "The latest collections, newest first")
	List<InventoryCollection> collections(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
		this.machines.get(id);
		return this.agentless.collections(id, Math.max(1, Math.min(limit, 100)));
	}

	@GetMapping("/inventory/collections/{collectionId}")
	InventoryCollection collection(@PathVariable long id, @PathVariable long collectionId) {
		return this.agentless.collection(collectionId)
			.filter((collection) -> collection.machineId() == id)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
					HttpStatus.NOT_FOUND, "No inventory collection " + collectionId + " on machine " + id), null));
	}

	@PostMapping("/wake")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send Wake-on-LAN magic packets to the machine's MAC addresses")
	Map<String, Object> wake(@PathVariable long id) {
		this.agentless.wake(id);
		return Map.of("sent", this.machines.get(id).macAddresses());
	}

}
