package parc.ui.deployment;

import java.security.Principal;
import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentFinishedException;
import parc.orchestrator.deployment.DeploymentReport;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentRuns;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.DeploymentTarget;
import parc.orchestrator.deployment.InvalidDeploymentOptionException;
import parc.orchestrator.deployment.InvalidDeploymentTargetException;
import parc.orchestrator.deployment.TransferMode;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineQuery;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.pkg.PackageNotFoundException;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;
import parc.orchestrator.group.GroupNotFoundException;
import parc.orchestrator.group.GroupService;
import parc.ui.group.CurrentViewer;
import org.springframework.security.core.Authentication;
import parc.ui.system.FormErrors;

/**
 * The Deployments area: "In progress" and "History" lists, a deployment's page (machines
 * with their phase lights, report, actions), a machine's log, and the deploy page. The
 * live parts refresh every {@code parc.console.refresh-seconds} (30) without reloading
 * the page.
 */
@Controller
@RequestMapping("/deployments")
class DeploymentController {

	static final String LIST_VIEW = "deployments/deploymentList";

	static final String DETAILS_VIEW = "deployments/deploymentDetails";

	static final String LOG_VIEW = "deployments/machineLog";

	static final String FORM_VIEW = "deployments/deployForm";

	/** Machines the deploy page lists to choose from. */
	static final int MACHINE_CHOICES = 500;

	private final DeploymentService deployments;

	private final DeploymentRuns runs;

	private final PackageService packages;

	private final MachineService machines;

	private final int refreshSeconds;

	private final GroupService groups;

	DeploymentController(DeploymentService deployments, DeploymentRuns runs, PackageService packages,
			MachineService machines, GroupService groups,
			@Value("${parc.console.refresh-seconds:30}") int refreshSeconds) {
		this.deployments = deployments;
		this.groups = groups;
		this.runs = runs;
		this.packages = packages;
		this.machines = machines;
		this.refreshSeconds = Math.max(1, refreshSeconds);
	}

	@ModelAttribute("refreshSeconds")
	int refreshSeconds() {
		return this.refreshSeconds;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "progress") String tab, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		boolean history = "history".equals(tab);
		model.addAttribute("tab", history ? "history" : "progress");
		model.addAttribute("deployments", this.deployments.summaries(history,
				new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25)));
		return LIST_VIEW;
	}

	@GetMapping("/{id}")
	String details(@PathVariable long id, Model model) {
		Deployment deployment = this.deployments.get(id);
		model.addAttribute("deployment", deployment);
		model.addAttribute("processVersions", this.deployments.processVersions(id));
		model.addAttribute("report", DeploymentReport.of(deployment));
		model.addAttribute("zone", this.deployments.zone());
		return DETAILS_VIEW;
	}

	/** The report for the console's session (the API's twin takes HTTP Basic). */
	@GetMapping(path = "/{id}/report.csv", produces = "text/csv")
	org.springframework.http.ResponseEntity<String> reportCsv(@PathVariable long id) {
		return DeploymentReportCsv.download(id, DeploymentReport.of(this.deployments.get(id)));
	}

	@GetMapping("/{id}/machines/{machineId}/log")
	String log(@PathVariable long id, @PathVariable long machineId, Model model) {
		Deployment deployment = this.deployments.get(id);
		DeploymentTarget target = deployment.target(machineId);
		model.addAttribute("deployment", deployment);
		model.addAttribute("target", target);
		model.addAttribute("lines", this.deployments.log(id, machineId));
		model.addAttribute("zone", this.deployments.zone());
		return LOG_VIEW;
	}

	@GetMapping("/new")
	String deployForm(@RequestParam(required = false) Long packageId,
			@RequestParam(required = false) List<Long> machineIds, @RequestParam(required = false) Long groupId,
			Authentication user, Model model) {
		DeployForm form = new DeployForm();
		form.setPackageId(packageId);
		form.setMachineIds(machineIds);
		form.setGroupId(groupId);
		model.addAttribute("form", form);
		addChoices(model, user);
		return FORM_VIEW;
	}

	@PostMapping("/new")
	String deploy(@ModelAttribute("form") DeployForm form, BindingResult result, Authentication principal, Model model,
			RedirectAttributes redirect) {
		addChoices(model, principal);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		List<parc.orchestrator.deployment.BundleItem> bundle = form.bundle();
		if (bundle.size() == 1) {
			result.rejectValue("bundlePackageIds", "deploy.error.bundleOfOne");
		}
		else if (bundle.isEmpty() && form.getPackageId() == null) {
			result.rejectValue("packageId", "deploy.error.noPackage");
		}
		if (form.getMachineIds().isEmpty() && form.getGroupId() == null) {
			result.rejectValue("machineIds", "deploy.error.noMachine");
		}
		else if (!form.getMachineIds().isEmpty() && form.getGroupId() != null) {
			result.rejectValue("groupId", "deploy.error.machinesOrGroup");
		}
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			Deployment deployment = this.runs
				.launch(new DeploymentRequest(bundle.isEmpty() ? form.getPackageId() : null, form.getMachineIds(),
						form.toOptions(this.deployments.zone()), bundle, form.getGroupId()), principal.getName());
			Flash.success(redirect, "deployments.flash.launched", deployment.label(), deployment.targets().size());
			return "redirect:/deployments/" + deployment.id();
		}
		catch (InvalidDeploymentOptionException ex) {
			result.rejectValue(ex.field(), "", ex.getMessage());
		}
		catch (InvalidDeploymentTargetException ex) {
			ex.problems().forEach((problem) -> result.rejectValue("machineIds", "", problem));
		}
		catch (PackageNotFoundException ex) {
			result.rejectValue("packageId", "deploy.error.noPackage");
		}
		catch (GroupNotFoundException ex) {
			result.rejectValue("groupId", "", ex.getMessage());
		}
		catch (ConstraintViolationException ex) {
			FormErrors.reject(ex, result);
		}
		return FORM_VIEW;
	}

	private void addChoices(Model model, Authentication user) {
		model.addAttribute("groupChoices",
				this.groups.list(CurrentViewer.of(user), null, new PageRequest(0, PageRequest.MAX_SIZE)).content());
		model.addAttribute("packages", this.packages.find(null, new PageRequest(0, PageRequest.MAX_SIZE)).content());
		// Agentless machines are pushed to over SSH, agent machines get the package from
		// their OCS agent: both can be deployed to.
		List<Machine> choices = this.machines
			.find(new MachineQuery(null, null, true, new PageRequest(0, MACHINE_CHOICES)))
			.content();
		model.addAttribute("machineChoices", choices);
		model.addAttribute("wolModes", WakeOnLanMode.values());
		model.addAttribute("transferModes", TransferMode.values());
		model.addAttribute("zone", this.deployments.zone());
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return act(id, redirect, "deployments.flash.paused", () -> this.runs.pause(id, principal.getName()));
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return act(id, redirect, "deployments.flash.resumed", () -> this.runs.resume(id, principal.getName()));
	}

	@PostMapping("/{id}/stop")
	String stop(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return act(id, redirect, "deployments.flash.stopped", () -> this.runs.stop(id, principal.getName()));
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return act(id, redirect, "deployments.flash.retried", () -> this.runs.retryFailed(id, principal.getName()));
	}

	private String act(long id, RedirectAttributes redirect, String doneKey, Runnable action) {
		try {
			action.run();
			Flash.success(redirect, doneKey, id);
		}
		catch (DeploymentFinishedException ex) {
			Flash.error(redirect, "deployments.flash.finished", id);
		}
		return "redirect:/deployments/" + id;
	}

}
