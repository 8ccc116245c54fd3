package parc.ui.teledeployment;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.teledeployment.AgentStatistics;
import parc.orchestrator.teledeployment.AgentStatisticsMachine;
import parc.orchestrator.teledeployment.TeledeploymentService;

/** {@code /api/packages/{id}/agent-statistics}: ocsreports' statistics, never stale. */
@RestController
@RequestMapping("/api/packages/{id}/agent-statistics")
@Tag(name = "Packages")
class AgentStatisticsApiController {

	private final TeledeploymentService teledeployment;

	AgentStatisticsApiController(TeledeploymentService teledeployment) {
		this.teledeployment = teledeployment;
	}

	@GetMapping
	@Operation(summary = "Machines per state (WAITING_FOR_AGENT, NOTIFIED) or per code their agent reported,"
			+ " with their share")
	AgentStatistics statistics(@PathVariable long id) {
		return this.teledeployment.statistics(id);
	}

	@GetMapping("/machines")
	@Operation(summary = "The machines behind the counts, latest change first; state= one state or code")
	Page<AgentStatisticsMachine> machines(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		return this.teledeployment.statisticsMachines(id, state, new PageRequest(page, size));
	}

	@PostMapping("/withdraw-not-notified")
	@Operation(summary = "Withdraw the package from the machines whose agent was not told yet: they are stopped")
	Map<String, Object> withdrawNotNotified(@PathVariable long id, java.security.Principal principal) {
		int withdrawn = this.teledeployment.withdrawNotNotified(id, principal.getName());
		return Map.of("withdrawn", withdrawn, "statistics", this.teledeployment.statistics(id));
	}

	@PostMapping("/validate-successes")
	@Operation(summary = "Remove the successes from the statistics (the deployments keep them)")
	Map<String, Object> validateSuccesses(@PathVariable long id) {
		int validated = this.teledeployment.validateSuccesses(id);
		return Map.of("validated", validated, "statistics", this.teledeployment.statistics(id));
	}

}
