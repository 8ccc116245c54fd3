package parc.ui.machine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

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

import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.filepull.FilePullService;
import parc.orchestrator.hostkey.HostKeyService;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.DuplicateMachineNameException;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineEditConflictException;
import parc.orchestrator.machine.MachineQuery;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.MachineSort;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.machine.UnknownCredentialException;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.agentless.LightView;
import parc.ui.system.Flash;
import parc.ui.system.FormErrors;

/**
 * Console pages of the registry: list, details, create/edit form, delete with
 * confirmation.
 */
@Controller
@RequestMapping("/machines")
class MachineController {

	static final String LIST_VIEW = "machines/machineList";

	static final String DETAILS_VIEW = "machines/machineDetails";

	static final String FORM_VIEW = "machines/createOrUpdateMachineForm";

	static final String DELETE_VIEW = "machines/confirmDeleteMachine";

	private final MachineService machines;

	private final InventoryService inventories;

	private final AdminDataService adminData;

	private final AgentService agents;

	private final AgentlessService agentless;

	private final HostKeyService hostKeys;

	private final CredentialService credentials;

	private final FilePullService filePulls;

	private final AgentRefusalService refusals;

	private final Clock clock = Clock.systemUTC();

	MachineController(MachineService machines, InventoryService inventories, AdminDataService adminData,
			AgentService agents, AgentlessService agentless, HostKeyService hostKeys, CredentialService credentials,
			FilePullService filePulls, AgentRefusalService refusals) {
		this.filePulls = filePulls;
		this.refusals = refusals;
		this.machines = machines;
		this.inventories = inventories;
		this.adminData = adminData;
		this.agents = agents;
		this.agentless = agentless;
		this.hostKeys = hostKeys;
		this.credentials = credentials;
	}

	/** Only the form pages offer credentials: the list and details pages need none. */
	private void addCredentialChoices(Model model) {
		model.addAttribute("credentialChoices", this.credentials.list());
	}

	@ModelAttribute("osFamilies")
	OsFamily[] osFamilies() {
		return OsFamily.values();
	}

	@ModelAttribute("channels")
	Channel[] channels() {
		return Channel.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, Model model) {
		MachineSort sortBy = MachineSort.fromProperty(sort).orElse(MachineSort.NAME);
		int pageSize = PageRequest.SIZES.contains(size) ? size : PageRequest.DEFAULT_SIZE;
		boolean ascending = !"desc".equalsIgnoreCase(dir);
		Page<Machine> found = this.machines
			.find(new MachineQuery(name, sortBy, ascending, new PageRequest(page, pageSize)));
		model.addAttribute("machines", found);
		Instant now = this.clock.instant();
		Map<Long, LightView> lights = new HashMap<>();
		this.agentless.lastProbes(found.content().stream().map(Machine::id).toList())
			.forEach((id, status) -> lights.put(id, LightView.of(status, now)));
		model.addAttribute("lights", lights);
		model.addAttribute("name", name);
		model.addAttribute("sort", sortBy.property());
		model.addAttribute("ascending", ascending);
		return LIST_VIEW;
	}

	@GetMapping("/{id}")
	String details(@PathVariable long id, Model model) {
		Machine machine = this.machines.get(id);
		model.addAttribute("machine", machine);
		model.addAttribute("inventory", this.inventories.current(id).orElse(null));
		model.addAttribute("adminData", this.adminData.get(id));
		model.addAttribute("adminFields", this.adminData.fields());
		model.addAttribute("agentOverrides", this.agents.overrides(id));
		model.addAttribute("refusalCount", this.refusals.find(null, id, new PageRequest(0, 10)).totalElements());
		model.addAttribute("light",
				this.agentless.lastProbe(id).map((status) -> LightView.of(status, this.clock.instant())).orElse(null));
		int port = (machine.sshPort() != null) ? machine.sshPort() : 22;
		model.addAttribute("hostKey", this.hostKeys.find(machine.address(), port).orElse(null));
		model.addAttribute("collections", this.agentless.collections(id, 5));
		model.addAttribute("pullFolder", this.filePulls.folderOf(id));
		model.addAttribute("ownPullFolder", this.filePulls.ownFolderOf(id).orElse(null));
		// The foreign key keeps a machine's credential from being deleted under it.
		model.addAttribute("credential",
				(machine.credentialId() != null) ? this.credentials.get(machine.credentialId()) : null);
		return DETAILS_VIEW;
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new MachineForm());
		addCredentialChoices(model);
		return FORM_VIEW;
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") MachineForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		addCredentialChoices(model);
		return save(result, redirect, "machines.flash.created", () -> this.machines.register(form.toDraft()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Machine machine = this.machines.get(id);
		model.addAttribute("form", MachineForm.of(machine));
		model.addAttribute("machine", machine);
		addCredentialChoices(model);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") MachineForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("machine", this.machines.get(id));
		addCredentialChoices(model);
		return save(result, redirect, "machines.flash.updated", () -> this.machines.update(id, form.toDraft()));
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("machine", this.machines.get(id));
		return DELETE_VIEW;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Machine machine = this.machines.get(id);
		this.machines.delete(id);
		Flash.success(redirect, "machines.flash.deleted", machine.name());
		return "redirect:/machines";
	}

	/**
	 * Saves through the service, or shows the form again with each refusal on its field:
	 * unreadable input (a port that is not a number) is caught by binding, everything
	 * else by the service's own rules.
	 */
	private static String save(BindingResult result, RedirectAttributes redirect, String flashKey,
			Supplier<Machine> saving) {
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			Machine machine = saving.get();
			Flash.success(redirect, flashKey, machine.name());
			return "redirect:/machines/" + machine.id();
		}
		catch (ConstraintViolationException | DuplicateMachineNameException ex) {
			rejectFields(ex, result);
			return FORM_VIEW;
		}
		catch (MachineEditConflictException ex) {
			result.reject("machines.error.conflict");
			return FORM_VIEW;
		}
		catch (UnknownCredentialException ex) {
			result.rejectValue("credentialId", "machines.error.unknownCredential");
			return FORM_VIEW;
		}
	}

	/**
	 * Puts the service's verdict on the form field it concerns: {@code macAddresses[2]}
	 * is the MAC text area.
	 */
	private static void rejectFields(RuntimeException ex, BindingResult result) {
		if (ex instanceof DuplicateMachineNameException) {
			result.rejectValue("name", "machines.error.duplicateName");
			return;
		}
		for (ConstraintViolation<?> violation : ((ConstraintViolationException) ex).getConstraintViolations()) {
			String field = formField(violation.getPropertyPath().toString());
			result.rejectValue(field, "", violation.getMessage() + FormErrors.quoted(violation.getInvalidValue()));
		}
	}

	static String formField(String propertyPath) {
		String[] nodes = propertyPath.split("\\.");
		String last = (nodes.length > 2) ? nodes[2] : nodes[nodes.length - 1];
		int bracket = last.indexOf('[');
		return (bracket >= 0) ? last.substring(0, bracket) : last;
	}

}
