package parc.ui.teledeployment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.teledeployment.AgentStatistics;
import parc.orchestrator.teledeployment.TeledeploymentService;
import parc.ui.system.Flash;

/**
 * A package's statistics through agents, as ocsreports shows them: a doughnut and a count
 * per state or code with its share, the machines behind each, and "validate successes".
 * Computed at each request, so never stale.
 */
@Controller
@RequestMapping("/packages/{id}/agent-statistics")
class AgentStatisticsController {

	private final TeledeploymentService teledeployment;

	private final PackageService packages;

	AgentStatisticsController(TeledeploymentService teledeployment, PackageService packages) {
		this.teledeployment = teledeployment;
		this.packages = packages;
	}

	@GetMapping
	String statistics(@PathVariable long id, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model) {
		model.addAttribute("pkg", this.packages.get(id));
		AgentStatistics statistics = this.teledeployment.statistics(id);
		model.addAttribute("statistics", statistics);
		model.addAttribute("state", (state != null && !state.isBlank()) ? state.strip() : null);
		model.addAttribute("machines", this.teledeployment.statisticsMachines(id, state, new PageRequest(page, size)));
		return "packages/agentStatistics";
	}

	@PostMapping("/withdraw-not-notified")
	String withdrawNotNotified(@PathVariable long id, java.security.Principal principal, RedirectAttributes redirect) {
		int withdrawn = this.teledeployment.withdrawNotNotified(id, principal.getName());
		Flash.success(redirect, "agentStatistics.flash.withdrawn", withdrawn);
		return "redirect:/packages/" + id + "/agent-statistics";
	}

	@PostMapping("/delete")
	String deleteFromAgents(@PathVariable long id, java.security.Principal principal, RedirectAttributes redirect) {
		int withdrawn = this.teledeployment.deleteAgentBuilds(id, principal.getName());
		Flash.success(redirect, "agentStatistics.flash.deleted", withdrawn);
		return "redirect:/packages/" + id + "/agent-statistics";
	}

	@PostMapping("/validate-successes")
	String validateSuccesses(@PathVariable long id, RedirectAttributes redirect) {
		int validated = this.teledeployment.validateSuccesses(id);
		Flash.success(redirect, "agentStatistics.flash.validated", validated);
		return "redirect:/packages/" + id + "/agent-statistics";
	}

}
