package parc.ui.inventory;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.agent.refusal.AgentRefusal;
import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/** The requests the agent endpoint refused, over REST; clearing them is for admins. */
@RestController
@RequestMapping("/api/agent-refusals")
class AgentRefusalApiController {

	private final AgentRefusalService refusals;

	AgentRefusalApiController(AgentRefusalService refusals) {
		this.refusals = refusals;
	}

	@GetMapping
	@Operation(summary = "Refused agent requests, grouped by source, User-Agent, status and reason; newest first. "
			+ "q matches address, User-Agent, reason or DEVICEID; machineId keeps one machine's")
	Page<AgentRefusal> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long machineId,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
		return this.refusals.find(q, machineId, new PageRequest(page, size));
	}

	@DeleteMapping
	@Operation(summary = "Empty the list of refused agent requests")
	Map<String, Integer> clear() {
		return Map.of("removed", this.refusals.clear());
	}

}
