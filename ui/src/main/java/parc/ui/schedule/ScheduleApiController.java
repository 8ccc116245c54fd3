package parc.ui.schedule;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleDraft;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleRunner;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/schedules}: the schedules, their runs, a run started now, and the next fire
 * times of a cron before it is saved. Reading is for every user, changing for admins (the
 * security configuration's rule for {@code /api/**}).
 */
@RestController
@RequestMapping("/api/schedules")
@Tag(name = "Schedules", description = "Periodic agentless inventories, network sweeps and housekeeping")
class ScheduleApiController {

	private final ScheduleService schedules;

	private final ScheduleRunner runner;

	ScheduleApiController(ScheduleService schedules, ScheduleRunner runner) {
		this.schedules = schedules;
		this.runner = runner;
	}

	private ScheduleView view(Schedule schedule) {
		return ScheduleView.of(schedule, Instant.now(), this.schedules.zone());
	}

	@GetMapping
	@Operation(summary = "The schedules, by name")
	Page<ScheduleView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		Page<Schedule> found = this.schedules.list(new PageRequest(page, size));
		return new Page<>(found.content().stream().map(this::view).toList(), found.page(), found.size(),
				found.totalElements());
	}

	@PostMapping
	@Operation(summary = "Create a schedule: {name, kind: AGENTLESS_INVENTORY|NETWORK_SWEEP|HOUSEKEEPING, target: "
			+ "{groupId | networkIds | all}, cron | everyHours, window: \"HH:MM-HH:MM\", concurrency, enabled}")
	ResponseEntity<ScheduleView> create(@RequestBody ScheduleDraft draft, Authentication user) {
		Schedule schedule = this.schedules.create(draft, user.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(schedule.id())
			.toUri();
		return ResponseEntity.created(location).body(view(schedule));
	}

	@GetMapping("/next-fire-times")
	@Operation(summary = "The next five fire times of a cron or of every N hours, before saving")
	List<Instant> nextFireTimes(@RequestParam(required = false) String cron,
			@RequestParam(required = false) Integer everyHours) {
		return this.schedules.nextFireTimes(cron, everyHours, ScheduleView.NEXT_FIRES);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One schedule, with its next fire times")
	ScheduleView get(@PathVariable long id) {
		return view(this.schedules.get(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a schedule (the same body as to create it)")
	ScheduleView update(@PathVariable long id, @RequestBody ScheduleDraft draft) {
		return view(this.schedules.update(id, draft));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a schedule and its runs")
	void delete(@PathVariable long id) {
		this.schedules.delete(id);
	}

	@GetMapping("/{id}/runs")
	@Operation(summary = "The schedule's runs, newest first: {id, startedAt, finishedAt, state: "
			+ "RUNNING|DONE|FAILED|SKIPPED, counts: {planned, done, failed}, error}")
	Page<ScheduleRun> runs(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.schedules.runs(id, new PageRequest(page, size));
	}

	@PostMapping("/{id}/run")
	@Operation(summary = "Start a run now, whatever the allowed hours: RUNNING, or SKIPPED when one still runs")
	ResponseEntity<ScheduleRun> run(@PathVariable long id, Authentication user) {
		ScheduleRun run = this.runner.runNow(id, user.getName());
		return ResponseEntity.status((run.state() == ScheduleRun.State.RUNNING) ? HttpStatus.ACCEPTED : HttpStatus.OK)
			.body(run);
	}

}
