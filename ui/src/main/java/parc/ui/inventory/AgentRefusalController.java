package parc.ui.inventory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;

/**
 * "Refused agents": what the agent endpoint refused and why, so an agent Parc does not
 * understand is noticed the day it starts failing, not when its machine is missed.
 */
@Controller
class AgentRefusalController {

	static final String VIEW = "inventory/refusedAgents";

	private final AgentRefusalService refusals;

	private final MachineService machines;

	AgentRefusalController(AgentRefusalService refusals, MachineService machines) {
		this.refusals = refusals;
		this.machines = machines;
	}

	@GetMapping("/inventory/refused-agents")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long machineId,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size, Model model) {
		model.addAttribute("q", q);
		if (machineId != null) {
			model.addAttribute("machine", this.machines.get(machineId));
		}
		model.addAttribute("refusals", this.refusals.find(q, machineId, new PageRequest(page, size)));
		return VIEW;
	}

	@PostMapping("/inventory/refused-agents/clear")
	String clear(RedirectAttributes redirect) {
		Flash.success(redirect, "refusedAgents.cleared", this.refusals.clear());
		return "redirect:/inventory/refused-agents";
	}

}
