package parc.ui.inventory;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.inventory.DuplicateCriterion;
import parc.orchestrator.inventory.DuplicateService;
import parc.orchestrator.machine.MachineService;
import parc.ui.system.Flash;

/**
 * The duplicates page: candidates by criterion, a confirmation step, then the merge into
 * the oldest machine. The same over REST is {@link DuplicateApiController}.
 */
@Controller
class DuplicateController {

	static final String LIST_VIEW = "inventory/duplicates";

	static final String CONFIRM_VIEW = "inventory/confirmMerge";

	private final DuplicateService duplicates;

	private final MachineService machines;

	DuplicateController(DuplicateService duplicates, MachineService machines) {
		this.duplicates = duplicates;
		this.machines = machines;
	}

	@GetMapping("/inventory/duplicates")
	String list(@RequestParam(defaultValue = "HOSTNAME") DuplicateCriterion criterion, Model model) {
		model.addAttribute("criterion", criterion);
		model.addAttribute("criteria", DuplicateCriterion.values());
		model.addAttribute("groups", this.duplicates.candidates(criterion));
		return LIST_VIEW;
	}

	/** Merging deletes machines: the admin sees which first, and confirms. */
	@PostMapping("/inventory/duplicates/confirm")
	String confirm(@RequestParam(name = "machineId", required = false) List<Long> machineIds, Model model,
			RedirectAttributes redirect) {
		if (machineIds == null || machineIds.stream().distinct().count() < 2) {
			Flash.error(redirect, "duplicates.chooseTwo");
			return "redirect:/inventory/duplicates";
		}
		model.addAttribute("chosen", machineIds.stream().distinct().map(this.machines::get).toList());
		return CONFIRM_VIEW;
	}

	@PostMapping("/inventory/duplicates/merge")
	String merge(@RequestParam(name = "machineId") List<Long> machineIds, RedirectAttributes redirect) {
		long kept = this.duplicates.merge(machineIds);
		Flash.success(redirect, "duplicates.merged", this.machines.get(kept).name(), machineIds.size() - 1);
		return "redirect:/machines/" + kept;
	}

}
