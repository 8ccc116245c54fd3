package parc.ui.processdesign;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.processdesign.ProcessChanges;
import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.processdesign.ProcessSummary;
import parc.orchestrator.processdesign.ProcessVersion;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/processes}: the processes Parc runs and their versions. Reading is for
 * every user; deploying and rolling back for administrators and designers (the security
 * configuration). Camunda Modeler deploys through {@code /engine-rest} instead, with the
 * same checks.
 */
@RestController
@RequestMapping("/api/processes")
@Tag(name = "Processes", description = "BPMN process versions: list, download, deploy, roll back, compare")
class ProcessApiController {

	private final ProcessDesignService processes;

	ProcessApiController(ProcessDesignService processes) {
		this.processes = processes;
	}

	@GetMapping
	@Operation(summary = "Every process, with the version in use: [{key, name, inUse: {version, origin: "
			+ "SHIPPED|ENGINE_REST|CONSOLE|FOLDER|ROLLBACK, deployedBy, deployedAt, copiedFrom}, versions, "
			+ "shippedVersion}]")
	List<ProcessSummary> list(@RequestParam(required = false) String filter) {
		return this.processes.processes(filter);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Deploy a BPMN file (part 'file'): 201 with the versions created, 200 with none when it is "
			+ "the version in use, 400 {problems: [{elementId, reason}]} when refused (nothing deployed)")
	ResponseEntity<List<ProcessVersion>> deploy(@RequestPart("file") MultipartFile file) throws IOException {
		List<ProcessVersion> created = this.processes.deploy(file.getOriginalFilename(), file.getBytes(),
				ProcessOrigin.CONSOLE);
		return ResponseEntity.status(created.isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(created);
	}

	@GetMapping("/{key}/versions")
	@Operation(summary = "The process's versions, the one in use first")
	Page<ProcessVersion> versions(@PathVariable String key, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.processes.versions(key, new PageRequest(page, size));
	}

	@GetMapping("/{key}/versions/{version}")
	@Operation(summary = "One version")
	ProcessVersion version(@PathVariable String key, @PathVariable int version) {
		return this.processes.version(key, version);
	}

	@GetMapping(path = "/{key}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "The version's BPMN, as deployed (a file to open in Camunda Modeler)")
	ResponseEntity<byte[]> bpmn(@PathVariable String key, @PathVariable int version) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, BpmnDownload.contentDisposition(key, version))
			.contentType(MediaType.APPLICATION_XML)
			.body(this.processes.bpmn(key, version));
	}

	@GetMapping("/{key}/versions/{version}/changes")
	@Operation(summary = "How the version differs from the latest shipped one: {added, removed, changed: "
			+ "[{id, type, name, differences}]}")
	ProcessChanges changes(@PathVariable String key, @PathVariable int version) {
		return this.processes.changesFromShipped(key, version);
	}

	@PostMapping("/{key}/versions/{version}/use")
	@Operation(summary = "Roll back: make this earlier version the one in use, as a new version copying it (201); "
			+ "200 when it is in use already")
	ResponseEntity<ProcessVersion> use(@PathVariable String key, @PathVariable int version) {
		boolean inUse = this.processes.version(key, version).inUse();
		ProcessVersion current = this.processes.rollBack(key, version);
		return ResponseEntity.status(inUse ? HttpStatus.OK : HttpStatus.CREATED).body(current);
	}

}
