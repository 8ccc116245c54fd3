package parc.ui.quickaction;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.quickaction.QuickActionRequest;
import parc.orchestrator.quickaction.QuickActionRun;
import parc.orchestrator.quickaction.QuickActionRunNotFoundException;
import parc.orchestrator.quickaction.QuickActionService;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;

/**
 * Actions > Quick actions: choose an action (or type a free command), its arguments and
 * machines, run; then each machine's result with coloured output, refreshed while it
 * runs; and the history.
 */
@Controller
@RequestMapping("/quick-actions")
class QuickActionController {

	static final String FORM_VIEW = "actions/quickActionForm";

	static final String RUN_VIEW = "actions/quickActionRun";

	static final String HISTORY_VIEW = "actions/quickActionHistory";

	/** Machines offered in the form; more are reached through the API. */
	static final int MACHINE_CHOICES = 500;

	private final QuickActionService quickActions;

	private final MachineService machines;

	QuickActionController(QuickActionService quickActions, MachineService machines) {
		this.quickActions = quickActions;
		this.machines = machines;
	}

	@GetMapping
	String form(@RequestParam(required = false) List<Long> machine, Model model) {
		model.addAttribute("actions", this.quickActions.actions());
		model.addAttribute("catalogProblem", this.quickActions.catalogProblem());
		model.addAttribute("machineChoices", this.machines.findByChannel(Channel.AGENTLESS_SSH, MACHINE_CHOICES));
		model.addAttribute("selected", (machine != null) ? machine : List.of());
		return FORM_VIEW;
	}

	@PostMapping
	String run(@RequestParam(required = false) String actionId, @RequestParam(required = false) String command,
			@RequestParam(defaultValue = "") String arguments, @RequestParam(required = false) List<Long> machineIds,
			Principal principal, RedirectAttributes redirect) {
		List<String> values = arguments.isBlank() ? List.of()
				: Arrays.stream(arguments.split("\\r?\\n", -1)).map(String::strip).filter((v) -> !v.isEmpty()).toList();
		boolean free = "free".equals(actionId);
		try {
			QuickActionRun run = this.quickActions.start(new QuickActionRequest(free ? null : actionId,
					free ? command : null, values, (machineIds != null) ? machineIds : List.of()), principal.getName());
			return "redirect:/quick-actions/runs/" + run.id();
		}
		catch (ConstraintViolationException ex) {
			Flash.error(redirect, "quickActions.flash.noMachine");
		}
		catch (IllegalArgumentException | MachineNotFoundException ex) {
			Flash.error(redirect, "quickActions.flash.invalid", ex.getMessage());
		}
		return "redirect:/quick-actions";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		QuickActionRun run = this.quickActions.run(id).orElseThrow(() -> new QuickActionRunNotFoundException(id));
		model.addAttribute("run", run);
		return RUN_VIEW;
	}

	@GetMapping("/runs")
	String history(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
			Model model) {
		model.addAttribute("runs",
				this.quickActions.history(new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25)));
		return HISTORY_VIEW;
	}

}
