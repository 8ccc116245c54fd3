package parc.ui.teledeployment;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.teledeployment.AgentMirror;
import parc.orchestrator.teledeployment.AgentMirrorService;
import parc.orchestrator.teledeployment.InvalidMirrorException;
import parc.orchestrator.teledeployment.MirrorDraft;
import parc.ui.system.Flash;
import parc.ui.system.FormErrors;

/**
 * A package's mirrors in the console: where agents of a network or tag fetch it, whether
 * each is usable or which file failed; add (checked at once), check again, remove.
 */
@Controller
@RequestMapping("/packages/{id}/mirrors")
class AgentMirrorController {

	static final String VIEW = "packages/agentMirrors";

	private final AgentMirrorService mirrors;

	private final PackageService packages;

	AgentMirrorController(AgentMirrorService mirrors, PackageService packages) {
		this.mirrors = mirrors;
		this.packages = packages;
	}

	@GetMapping
	String list(@PathVariable long id, Model model) {
		model.addAttribute("pkg", this.packages.get(id));
		model.addAttribute("mirrors", this.mirrors.mirrors(id));
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", new MirrorDraft("", "", "", ""));
		}
		return VIEW;
	}

	@PostMapping
	String add(@PathVariable long id, @RequestParam String infoLocation, @RequestParam String fragmentsLocation,
			@RequestParam(required = false) String network, @RequestParam(required = false) String tag, Model model,
			RedirectAttributes redirect) {
		MirrorDraft draft = new MirrorDraft(infoLocation, fragmentsLocation, network, tag);
		try {
			AgentMirror added = this.mirrors.add(id, draft);
			if (added.usable()) {
				Flash.success(redirect, "mirrors.flash.usable", added.infoLocation());
			}
			else {
				Flash.error(redirect, "mirrors.flash.unusable", added.problem());
			}
			return "redirect:/packages/" + id + "/mirrors";
		}
		catch (InvalidMirrorException ex) {
			model.addAttribute("mirrorError", ex.getMessage());
		}
		catch (ConstraintViolationException ex) {
			model.addAttribute("mirrorError", FormErrors.describe(ex));
		}
		model.addAttribute("draft", draft);
		return list(id, model);
	}

	@PostMapping("/{mirrorId}/check")
	String check(@PathVariable long id, @PathVariable long mirrorId, RedirectAttributes redirect) {
		AgentMirror checked = this.mirrors.check(id, mirrorId);
		if (checked.usable()) {
			Flash.success(redirect, "mirrors.flash.usable", checked.infoLocation());
		}
		else {
			Flash.error(redirect, "mirrors.flash.unusable", checked.problem());
		}
		return "redirect:/packages/" + id + "/mirrors";
	}

	@PostMapping("/{mirrorId}/delete")
	String delete(@PathVariable long id, @PathVariable long mirrorId, RedirectAttributes redirect) {
		this.mirrors.delete(id, mirrorId);
		Flash.success(redirect, "mirrors.flash.deleted");
		return "redirect:/packages/" + id + "/mirrors";
	}

}
