package parc.ui.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.ResponseEntity;
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

import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.schedule.InvalidScheduleException;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleRunner;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.group.CurrentViewer;
import parc.ui.system.Flash;

/**
 * The Schedules pages: every user sees the schedules, their next fire times and runs;
 * admins create, change, delete (after confirmation) and start a run now.
 */
@Controller
@RequestMapping("/schedules")
class ScheduleController {

	static final String LIST_VIEW = "schedules/scheduleList";

	static final String DETAIL_VIEW = "schedules/scheduleDetail";

	static final String FORM_VIEW = "schedules/scheduleForm";

	static final String DELETE_VIEW = "schedules/confirmDeleteSchedule";

	private final ScheduleService schedules;

	private final ScheduleRunner runner;

	private final GroupService groups;

	ScheduleController(ScheduleService schedules, ScheduleRunner runner, GroupService groups) {
		this.schedules = schedules;
		this.runner = runner;
		this.groups = groups;
	}

	@ModelAttribute("active")
	String active() {
		return "schedules";
	}

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return this.schedules.zone();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model) {
		Page<Schedule> found = this.schedules.list(new PageRequest(page, size));
		Instant now = Instant.now();
		model.addAttribute("schedules",
				new Page<>(found.content().stream().map((schedule) -> ScheduleView.of(schedule, now, zone())).toList(),
						found.page(), found.size(), found.totalElements()));
		return LIST_VIEW;
	}

	/**
	 * The form's preview, for the browser's session (the API takes Basic credentials
	 * only): the next five fire times, or 400 with the reason and the error's position.
	 */
	@GetMapping(path = "/next-fire-times", produces = "application/json")
	@ResponseBody
	ResponseEntity<Object> nextFireTimes(@RequestParam(required = false) String cron,
			@RequestParam(required = false) Integer everyHours) {
		try {
			return ResponseEntity.ok(this.schedules.nextFireTimes(cron, everyHours, ScheduleView.NEXT_FIRES));
		}
		catch (InvalidScheduleException ex) {
			return ResponseEntity.badRequest()
				.body(Map.of("field", ex.field(), "message", ex.getMessage(), "position", ex.position() + 1));
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		model.addAttribute("schedule", ScheduleView.of(this.schedules.get(id), Instant.now(), zone()));
		model.addAttribute("runs", this.schedules.runs(id, new PageRequest(page, size)));
		return DETAIL_VIEW;
	}

	@GetMapping("/new")
	String createForm(Model model, Authentication user) {
		model.addAttribute("form", new ScheduleForm());
		return form(model, user);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") ScheduleForm form, BindingResult result, Model model, Authentication user,
			RedirectAttributes redirect) {
		return save(result, model, user, redirect, "schedules.flash.created",
				() -> this.schedules.create(form.toDraft(), user.getName()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model, Authentication user) {
		Schedule schedule = this.schedules.get(id);
		model.addAttribute("form", ScheduleForm.of(schedule));
		model.addAttribute("schedule", schedule);
		return form(model, user);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") ScheduleForm form, BindingResult result, Model model,
			Authentication user, RedirectAttributes redirect) {
		model.addAttribute("schedule", this.schedules.get(id));
		return save(result, model, user, redirect, "schedules.flash.updated",
				() -> this.schedules.update(id, form.toDraft()));
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("schedule", this.schedules.get(id));
		return DELETE_VIEW;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Schedule schedule = this.schedules.get(id);
		this.schedules.delete(id);
		Flash.success(redirect, "schedules.flash.deleted", schedule.name());
		return "redirect:/schedules";
	}

	@PostMapping("/{id}/run")
	String runNow(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		ScheduleRun run = this.runner.runNow(id, user.getName());
		if (run.state() == ScheduleRun.State.RUNNING) {
			Flash.success(redirect, "schedules.flash.started", run.id());
		}
		else {
			Flash.error(redirect, "schedules.flash.skipped", run.error());
		}
		return "redirect:/schedules/" + id;
	}

	private String form(Model model, Authentication user) {
		List<MachineGroup> choices = this.groups.list(CurrentViewer.of(user), null, new PageRequest(0, 500)).content();
		model.addAttribute("groups", choices);
		model.addAttribute("kinds", ScheduleKind.values());
		return FORM_VIEW;
	}

	private String save(BindingResult result, Model model, Authentication user, RedirectAttributes redirect,
			String flashKey, Supplier<Schedule> saving) {
		try {
			Schedule schedule = saving.get();
			Flash.success(redirect, flashKey, schedule.name());
			return "redirect:/schedules/" + schedule.id();
		}
		catch (InvalidScheduleException ex) {
			String field = switch (ex.field()) {
				case "target", "target.groupId" -> "targetMode";
				default -> ex.field();
			};
			result.rejectValue(field, "", ex.getMessage());
		}
		return form(model, user);
	}

}
