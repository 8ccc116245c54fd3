package parc.ui.quickaction;

import java.nio.file.Path;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.filepull.FilePull;
import parc.orchestrator.filepull.FilePullService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * File pulls (tele-diagnostic): start, list, download, cancel, delete; a machine's
 * folder.
 */
@RestController
@Tag(name = "File pulls", description = "Fetch the first file of a machine's diagnostic folder")
class FilePullApiController {

	private final FilePullService filePulls;

	FilePullApiController(FilePullService filePulls) {
		this.filePulls = filePulls;
	}

	@PostMapping("/api/machines/{id}/file-pulls")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start pulling the first file of the machine's folder")
	FilePull start(@PathVariable long id, Principal principal) {
		return this.filePulls.start(id, principal.getName());
	}

	@GetMapping("/api/machines/{id}/file-pull-folder")
	FolderView folder(@PathVariable long id) {
		return new FolderView(this.filePulls.folderOf(id), this.filePulls.ownFolderOf(id).isPresent());
	}

	@PutMapping("/api/machines/{id}/file-pull-folder")
	@Operation(summary = "Set the machine's folder; null or blank for the default of the settings")
	FolderView setFolder(@PathVariable long id, @RequestBody FolderView folder) {
		this.filePulls.setFolder(id, folder.folder());
		return folder(id);
	}

	@GetMapping("/api/file-pulls")
	@Operation(summary = "Pulled files, newest first: {id, machineId, machineName, folder, state: IN_PROGRESS|READY|"
			+ "FAILED|CANCELLED, fileName, sizeBytes, remoteModifiedAt, requestedBy, requestedAt, finishedAt, error}")
	Page<FilePull> list(@RequestParam(required = false) Long machineId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.filePulls.list(machineId, new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25));
	}

	@GetMapping("/api/file-pulls/{id}")
	FilePull get(@PathVariable long id) {
		return this.filePulls.get(id);
	}

	@GetMapping("/api/file-pulls/{id}/content")
	@Operation(summary = "The pulled file, as an attachment named as on the machine")
	ResponseEntity<Resource> content(@PathVariable long id) {
		return FileDownloads.attachment(this.filePulls.get(id), this.filePulls.content(id));
	}

	@PostMapping("/api/file-pulls/{id}/cancel")
	FilePull cancel(@PathVariable long id) {
		return this.filePulls.cancel(id);
	}

	@DeleteMapping("/api/file-pulls/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.filePulls.delete(id);
	}

	/**
	 * @param folder the folder used
	 * @param own whether the machine has its own (else the settings' default)
	 */
	record FolderView(String folder, boolean own) {

	}

	/** Serves a pulled file under a name that cannot break the header or reach a path. */
	static final class FileDownloads {

		private FileDownloads() {
		}

		static ResponseEntity<Resource> attachment(FilePull pull, Path file) {
			String name = (pull.fileName() != null) ? pull.fileName() : "file-pull-" + pull.id();
			org.springframework.http.ContentDisposition disposition = org.springframework.http.ContentDisposition
				.attachment()
				.filename(name.replaceAll("[\\p{Cntrl}/\\\\]", "_"), java.nio.charset.StandardCharsets.UTF_8)
				.build();
			return ResponseEntity.ok()
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
				.contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
				.header("X-Content-Type-Options", "nosniff")
				.body(new FileSystemResource(file));
		}

	}

}
