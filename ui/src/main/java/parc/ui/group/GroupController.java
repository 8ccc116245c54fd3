package parc.ui.group;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.group.DuplicateGroupNameException;
import parc.orchestrator.group.GroupChangeRefusedException;
import parc.orchestrator.group.GroupMode;
import parc.orchestrator.group.GroupOperator;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupShare;
import parc.orchestrator.group.GroupType;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.InvalidGroupException;
import parc.orchestrator.group.InvalidGroupExpressionException;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.machine.MachineQuery;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccount;
import parc.orchestrator.user.UserAccountService;
import parc.ui.system.Flash;
import parc.ui.system.FormErrors;

/**
 * The groups pages: the list, a group with its members and deployments, the form that
 * builds a static or dynamic group, the machine picker, sharing and deletion.
 */
@Controller
@RequestMapping("/groups")
class GroupController {

	static final String LIST_VIEW = "groups/groupList";

	static final String DETAILS_VIEW = "groups/groupDetails";

	static final String FORM_VIEW = "groups/groupForm";

	static final String PICKER_VIEW = "groups/addMachines";

	static final String CONFIRM_DELETE_VIEW = "groups/confirmDeleteGroup";

	/** Machines a new static group's form lists; more are added from the picker. */
	static final int MACHINE_CHOICES = 500;

	private final GroupService groups;

	private final MachineService machines;

	private final DeploymentService deployments;

	private final UserAccountService accounts;

	GroupController(GroupService groups, MachineService machines, DeploymentService deployments,
			UserAccountService accounts) {
		this.groups = groups;
		this.machines = machines;
		this.deployments = deployments;
		this.accounts = accounts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Authentication user, Model model) {
		GroupViewer viewer = CurrentViewer.of(user);
		var groupPage = this.groups.list(viewer, name, new PageRequest(page, size));
		model.addAttribute("groups", groupPage);
		model.addAttribute("counts",
				groupPage.content()
					.stream()
					.collect(java.util.stream.Collectors.toMap(MachineGroup::id, this.groups::memberCount)));
		model.addAttribute("name", name);
		model.addAttribute("viewer", viewer);
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String newGroup(@RequestParam(defaultValue = "DYNAMIC") GroupType type, Model model) {
		model.addAttribute("form", GroupForm.empty(type));
		addChoices(model);
		return FORM_VIEW;
	}

	/**
	 * Saves the group; the same form adds a criteria line or previews the members without
	 * saving.
	 */
	@PostMapping("/new")
	String create(@ModelAttribute("form") GroupForm form, BindingResult result,
			@RequestParam(required = false) String addLine, @RequestParam(required = false) String preview,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (addLine != null || preview != null) {
			return redisplay(form, result, preview != null, user, model);
		}
		try {
			MachineGroup group = this.groups.create(form.toDraft(), CurrentViewer.of(user));
			Flash.success(redirect, "groups.flash.created", group.name());
			return "redirect:/groups/" + group.id();
		}
		catch (RuntimeException ex) {
			reject(ex, result);
		}
		addChoices(model);
		return FORM_VIEW;
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Authentication user, Model model) {
		MachineGroup group = this.groups.get(id, CurrentViewer.of(user));
		model.addAttribute("form", GroupForm.of(group));
		model.addAttribute("group", group);
		addChoices(model);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") GroupForm form, BindingResult result,
			@RequestParam(required = false) String addLine, @RequestParam(required = false) String preview,
			Authentication user, Model model, RedirectAttributes redirect) {
		GroupViewer viewer = CurrentViewer.of(user);
		MachineGroup group = this.groups.get(id, viewer);
		model.addAttribute("group", group);
		if (group.type() == GroupType.STATIC) {
			// The edit page of a static group changes its name and visibility; machines
			// are added and removed on the group page.
			form.setMachineIds(this.groups.memberIds(id, viewer));
		}
		if (addLine != null || preview != null) {
			return redisplay(form, result, preview != null, user, model);
		}
		try {
			this.groups.update(id, form.toDraft(), form.getVersion(), viewer);
			Flash.success(redirect, "groups.flash.updated", form.getName());
			return "redirect:/groups/" + id;
		}
		catch (RuntimeException ex) {
			reject(ex, result);
		}
		addChoices(model);
		return FORM_VIEW;
	}

	@GetMapping("/{id}")
	String details(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, Authentication user, Model model) {
		GroupViewer viewer = CurrentViewer.of(user);
		MachineGroup group = this.groups.get(id, viewer);
		InventoryRow.Column column = InventoryRow.Column.byKey(sort).orElse(InventoryRow.Column.NAME);
		boolean ascending = !"desc".equalsIgnoreCase(dir);
		model.addAttribute("group", group);
		model.addAttribute("members", this.groups.members(id, viewer, column, ascending, new PageRequest(page, size)));
		model.addAttribute("sort", column.key());
		model.addAttribute("ascending", ascending);
		model.addAttribute("deployments", this.deployments.summariesOfGroup(id, new PageRequest(0, 10)).content());
		model.addAttribute("owner", viewer.owns(group));
		model.addAttribute("accounts",
				this.accounts.findAll()
					.stream()
					.map(UserAccount::username)
					.filter((name) -> !name.equals(group.owner()))
					.toList());
		model.addAttribute("roles", Role.values());
		return DETAILS_VIEW;
	}

	/**
	 * The form's value suggestions: the console's session does not reach {@code /api},
	 * which takes HTTP Basic only.
	 */
	@GetMapping(path = "/fields/{key}/values", produces = "application/json")
	@ResponseBody
	List<String> suggestions(@PathVariable String key, @RequestParam(name = "q", defaultValue = "") String typed,
			Authentication user) {
		return this.groups.suggestions(key, typed, CurrentViewer.of(user));
	}

	@GetMapping(path = "/{id}/members.csv", produces = "text/csv")
	void exportMembers(@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
		GroupMembersCsv.download(this.groups, id, CurrentViewer.of(user), response);
	}

	@PostMapping("/{id}/mode")
	String switchMode(@PathVariable long id, @RequestParam GroupMode mode, Authentication user,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> this.groups.switchMode(id, mode, CurrentViewer.of(user)),
				"groups.flash.mode." + mode);
	}

	@PostMapping("/{id}/members/remove")
	String removeMembers(@PathVariable long id, @RequestParam(required = false) List<Long> machineIds,
			Authentication user, RedirectAttributes redirect) {
		if (machineIds == null || machineIds.isEmpty()) {
			Flash.error(redirect, "groups.flash.noneChosen");
			return "redirect:/groups/" + id;
		}
		return act(redirect, id, () -> this.groups.removeMachines(id, machineIds, CurrentViewer.of(user)),
				"groups.flash.removed", machineIds.size());
	}

	@GetMapping("/{id}/members/add")
	String picker(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
			Authentication user, Model model) {
		GroupViewer viewer = CurrentViewer.of(user);
		model.addAttribute("group", this.groups.get(id, viewer));
		model.addAttribute("machines",
				this.machines.find(new MachineQuery(name, null, true, new PageRequest(page, size))));
		model.addAttribute("memberIds", new java.util.HashSet<>(this.groups.memberIds(id, viewer)));
		model.addAttribute("name", name);
		return PICKER_VIEW;
	}

	@PostMapping("/{id}/members/add")
	String addMembers(@PathVariable long id, @RequestParam(required = false) List<Long> machineIds, Authentication user,
			RedirectAttributes redirect) {
		if (machineIds == null || machineIds.isEmpty()) {
			Flash.error(redirect, "groups.flash.noneChosen");
			return "redirect:/groups/" + id + "/members/add";
		}
		return act(redirect, id, () -> this.groups.addMachines(id, machineIds, CurrentViewer.of(user)),
				"groups.flash.added", machineIds.size());
	}

	@PostMapping("/{id}/shares")
	String share(@PathVariable long id, @RequestParam(required = false) List<String> users,
			@RequestParam(required = false) List<Role> roles, Authentication user, RedirectAttributes redirect) {
		List<GroupShare> shares = new ArrayList<>();
		(users != null ? users : List.<String>of()).forEach((name) -> shares.add(GroupShare.user(name)));
		(roles != null ? roles : List.<Role>of()).forEach((role) -> shares.add(GroupShare.role(role)));
		return act(redirect, id, () -> this.groups.share(id, shares, CurrentViewer.of(user)), "groups.flash.shared");
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Authentication user, Model model) {
		GroupViewer viewer = CurrentViewer.of(user);
		model.addAttribute("group", this.groups.get(id, viewer));
		model.addAttribute("members", this.groups.memberCount(id, viewer));
		return CONFIRM_DELETE_VIEW;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		GroupViewer viewer = CurrentViewer.of(user);
		MachineGroup group = this.groups.get(id, viewer);
		try {
			this.groups.delete(id, viewer);
		}
		catch (GroupChangeRefusedException ex) {
			Flash.error(redirect, "groups.flash.refused", ex.getMessage());
			return "redirect:/groups/" + id;
		}
		Flash.success(redirect, "groups.flash.deleted", group.name());
		return "redirect:/groups";
	}

	private String redisplay(GroupForm form, BindingResult result, boolean preview, Authentication user, Model model) {
		if (preview) {
			try {
				model.addAttribute("preview", this.groups.preview(form.filledCriteria(), form.getExpression(),
						CurrentViewer.of(user), new PageRequest(0, 10)));
			}
			catch (RuntimeException ex) {
				reject(ex, result);
			}
		}
		else {
			form.addLines(1);
		}
		addChoices(model);
		return FORM_VIEW;
	}

	/** Puts what the service refused on the field it names, or rethrows. */
	private static void reject(RuntimeException ex, BindingResult result) {
		if (ex instanceof InvalidGroupExpressionException invalid) {
			result.rejectValue("expression", "groups.error.expression",
					new Object[] { invalid.position(), invalid.reason() }, invalid.getMessage());
		}
		else if (ex instanceof InvalidGroupException invalid) {
			String field = invalid.field().startsWith("criteria[") || invalid.field().equals("expression")
					|| invalid.field().equals("machineIds") ? invalid.field() : "name";
			result.rejectValue(field, "", invalid.getMessage());
		}
		else if (ex instanceof DuplicateGroupNameException) {
			result.rejectValue("name", "groups.error.duplicateName");
		}
		else if (ex instanceof GroupChangeRefusedException refused) {
			result.reject("", refused.getMessage());
		}
		else if (ex instanceof ConstraintViolationException violations) {
			FormErrors.reject(violations, result);
		}
		else {
			throw ex;
		}
	}

	private String act(RedirectAttributes redirect, long id, Runnable action, String messageKey, Object... arguments) {
		try {
			action.run();
			Flash.success(redirect, messageKey, arguments);
		}
		catch (GroupChangeRefusedException | InvalidGroupException ex) {
			Flash.error(redirect, "groups.flash.refused", ex.getMessage());
		}
		return "redirect:/groups/" + id;
	}

	private void addChoices(Model model) {
		model.addAttribute("fields", this.groups.fields());
		model.addAttribute("operators", GroupOperator.values());
		model.addAttribute("modes", GroupMode.values());
		model.addAttribute("machineChoices",
				this.machines.find(new MachineQuery(null, null, true, new PageRequest(0, MACHINE_CHOICES))).content());
		model.addAttribute("suggestAfter", GroupService.SUGGEST_AFTER);
	}

}
