package parc.ui.pkg;

import java.security.Principal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.pkg.InvalidPackageException;
import parc.orchestrator.pkg.PackageDepot;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/packages}. Creation is multipart: a {@code metadata} part holding
 * {@code {label, version, description, command, osFamily, needsReboot}} as JSON, then the
 * files as one or more {@code files} parts, or one {@code archive} part, or the name of a
 * {@code serverFolder}; none of them makes a command-only package (an OCS agent runs its
 * command in an empty folder).
 */
@RestController
@Tag(name = "Packages", description = "Software packages and their repositories")
class PackageApiController {

	private final PackageService packages;

	private final ObjectMapper json;

	PackageApiController(PackageService packages, ObjectMapper json) {
		this.packages = packages;
		this.json = json;
	}

	@PostMapping(path = "/api/packages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a package: part metadata (JSON, with optional agent settings), then files parts,"
			+ " or one archive part, or a serverFolder part naming a folder of the server's import folder; no files"
			+ " make a command-only package")
	SoftwarePackage create(@RequestPart("metadata") String metadata,
			@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestPart(name = "archive", required = false) MultipartFile archive,
			@RequestPart(name = "serverFolder", required = false) String serverFolder, Principal principal) {
		PackageDraft draft = read(metadata);
		int sources = (Uploads.of(files).isEmpty() ? 0 : 1) + ((archive != null && !archive.isEmpty()) ? 1 : 0)
				+ ((serverFolder != null && !serverFolder.isBlank()) ? 1 : 0);
		if (sources > 1) {
			throw new InvalidPackageException("files",
					"give the files as files parts, or one archive, or a serverFolder, not several of them");
		}
		if (archive != null && !archive.isEmpty()) {
			return this.packages.createFromArchive(draft, Uploads.of(archive), principal.getName());
		}
		if (serverFolder != null && !serverFolder.isBlank()) {
			return this.packages.createFromServerFolder(draft, serverFolder.trim(), principal.getName());
		}
		return this.packages.createFromFiles(draft, Uploads.of(files), principal.getName());
	}

	private PackageDraft read(String metadata) {
		try {
			return this.json.readValue(metadata, PackageDraft.class);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidPackageException("metadata",
					"the metadata part must be JSON {label, version, description, command, osFamily, needsReboot}: "
							+ ex.getOriginalMessage());
		}
	}

	@GetMapping("/api/packages")
	@Operation(summary = "Packages by label, filtered by part of label, version or description")
	Page<SoftwarePackage> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return this.packages.find(q, new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25));
	}

	@GetMapping("/api/packages/{id}")
	@Operation(summary = "A package with its manifest [{path, size, sha256}]")
	SoftwarePackage get(@PathVariable long id) {
		return this.packages.get(id);
	}

	@PutMapping("/api/packages/{id}")
	@Operation(summary = "Change label, version, description, command, OS family, needs reboot; files never change")
	SoftwarePackage update(@PathVariable long id, @RequestBody PackageDraft draft) {
		return this.packages.update(id, draft);
	}

	@DeleteMapping("/api/packages/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.packages.delete(id);
	}

	@GetMapping("/api/package-depots")
	List<PackageDepot> depots() {
		return this.packages.depots();
	}

	@GetMapping("/api/package-depots/import-folders")
	@Operation(summary = "The folders of the server's import folder that can become packages")
	List<String> serverFolders() {
		return this.packages.serverFolders();
	}

}
