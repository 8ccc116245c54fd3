package parc.ui.deployment;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentReport;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentSummary;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/deployments}: the names here are a public contract (issue #6). States are
 * upper snake case; absent options take Pulse 2's defaults.
 */
@RestController
@Tag(name = "Deployments", description = "Packages carried to machines through the deployment phases")
class DeploymentApiController {

	private final DeploymentService deployments;

	private final DeploymentRuns runs;

	DeploymentApiController(DeploymentService deployments, DeploymentRuns runs) {
		this.deployments = deployments;
		this.runs = runs;
	}

	@PostMapping("/api/deployments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Deploy a package to machines: {packageId, machineIds, options}")
	Deployment create(@RequestBody DeploymentRequest request, Principal principal) {
		return this.runs.launch(request, principal.getName());
	}

	@GetMapping("/api/deployments")
	@Operation(summary = "Deployments, newest first, with their machines counted; finished=false for those in"
			+ " progress, true for the history")
	Page<DeploymentSummary> list(@RequestParam(required = false) Boolean finished,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.deployments.summaries(finished, new PageRequest(page, size));
	}

	@GetMapping("/api/deployments/{id}")
	@Operation(summary = "A deployment with the state and phases of each machine")
	Deployment get(@PathVariable long id) {
		return this.deployments.get(id);
	}

	@GetMapping("/api/deployments/{id}/process-versions")
	@Operation(summary = "The process version each machine runs or ran, by machine name: {definitionId, key, version}")
	java.util.Map<String, parc.orchestrator.deployment.MachineProcessVersion> processVersions(@PathVariable long id) {
		this.deployments.get(id);
		return this.deployments.processVersions(id);
	}

	@GetMapping("/api/deployments/{id}/report")
	@Operation(summary = "Counts and percentages: done, stopped, in progress (waiting or running, per phase),"
			+ " failed per phase with the unreachable share")
	DeploymentReport report(@PathVariable long id) {
		return DeploymentReport.of(this.deployments.get(id));
	}

	@GetMapping(path = "/api/deployments/{id}/report.csv", produces = "text/csv")
	@Operation(summary = "The report as CSV: category, phase, machines, percent")
	org.springframework.http.ResponseEntity<String> reportCsv(@PathVariable long id) {
		return DeploymentReportCsv.download(id, DeploymentReport.of(this.deployments.get(id)));
	}

	@GetMapping("/api/deployments/{id}/targets/{machineId}/log")
	@Operation(summary = "A machine's log in the deployment: commands, output, outcomes, with their times")
	List<LogLine> log(@PathVariable long id, @PathVariable long machineId) {
		return this.deployments.log(id, machineId);
	}

	@PostMapping("/api/deployments/{id}/pause")
	@Operation(summary = "Pause: each machine stops at the end of its current phase")
	Deployment pause(@PathVariable long id, Principal principal) {
		return this.runs.pause(id, principal.getName());
	}

	@PostMapping("/api/deployments/{id}/resume")
	@Operation(summary = "Resume a paused deployment")
	Deployment resume(@PathVariable long id, Principal principal) {
		return this.runs.resume(id, principal.getName());
	}

	@PostMapping("/api/deployments/{id}/stop")
	@Operation(summary = "Stop at once: every machine with work ahead is marked stopped")
	Deployment stop(@PathVariable long id, Principal principal) {
		return this.runs.stop(id, principal.getName());
	}

	@PostMapping("/api/deployments/{id}/retry")
	@Operation(summary = "Retry the failed machines now, from their first phase")
	Deployment retry(@PathVariable long id, Principal principal) {
		return this.runs.retryFailed(id, principal.getName());
	}

}
