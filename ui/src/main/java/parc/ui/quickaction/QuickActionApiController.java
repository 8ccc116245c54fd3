package parc.ui.quickaction;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.quickaction.QuickAction;
import parc.orchestrator.quickaction.QuickActionRequest;
import parc.orchestrator.quickaction.QuickActionRun;
import parc.orchestrator.quickaction.QuickActionRunNotFoundException;
import parc.orchestrator.quickaction.QuickActionService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/** {@code /api/quick-actions}: the catalog, runs and their results. */
@RestController
@RequestMapping("/api/quick-actions")
@Tag(name = "Quick actions", description = "Predefined or free commands run now on agentless machines")
class QuickActionApiController {

	private final QuickActionService quickActions;

	QuickActionApiController(QuickActionService quickActions) {
		this.quickActions = quickActions;
	}

	@GetMapping
	@Operation(summary = "The predefined actions of the quick actions file")
	List<QuickAction> actions() {
		return this.quickActions.actions();
	}

	@PostMapping("/runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run an action ({actionId, arguments, machineIds}) or a free command ({command, arguments,"
			+ " machineIds}) now; arguments are passed as data")
	QuickActionRun start(@RequestBody QuickActionRequest request, Principal principal) {
		return this.quickActions.start(request, principal.getName());
	}

	@GetMapping("/runs")
	@Operation(summary = "The action history, newest first")
	Page<QuickActionRun> history(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.quickActions.history(new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25));
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run with each machine's state, exit code and output lines {at, stream: OUT|ERR, text}")
	QuickActionRun run(@PathVariable long id) {
		return this.quickActions.run(id).orElseThrow(() -> new QuickActionRunNotFoundException(id));
	}

}
