package parc.ui.teledeployment;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.teledeployment.AgentMirror;
import parc.orchestrator.teledeployment.AgentMirrorService;
import parc.orchestrator.teledeployment.MirrorDraft;

/**
 * {@code /api/packages/{id}/mirrors}: where agents of a network or tag fetch the package
 * instead of the built-in server, each checked file by file before it is used.
 */
@RestController
@RequestMapping("/api/packages/{id}/mirrors")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Packages")
class AgentMirrorApiController {

	private final AgentMirrorService mirrors;

	AgentMirrorApiController(AgentMirrorService mirrors) {
		this.mirrors = mirrors;
	}

	@GetMapping
	List<AgentMirror> mirrors(@PathVariable long id) {
		return this.mirrors.mirrors(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a mirror {infoLocation, fragmentsLocation, network or tag}; Parc fetches every file"
			+ " from it at once: usable, or the file that failed in problem")
	AgentMirror add(@PathVariable long id, @RequestBody MirrorDraft draft) {
		return this.mirrors.add(id, draft);
	}

	@PostMapping("/{mirrorId}/check")
	@Operation(summary = "Fetch every file from the mirror again")
	AgentMirror check(@PathVariable long id, @PathVariable long mirrorId) {
		return this.mirrors.check(id, mirrorId);
	}

	@DeleteMapping("/{mirrorId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @PathVariable long mirrorId) {
		this.mirrors.delete(id, mirrorId);
	}

}
