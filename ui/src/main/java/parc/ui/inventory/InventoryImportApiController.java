package parc.ui.inventory;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.inventory.InventoryImportResult;
import parc.orchestrator.inventory.InventoryImportService;

/**
 * Offline inventories over REST: {@code .ocs} or {@code .xml} files, one result each. A
 * REST controller, so that its failures answer problem documents.
 */
@RestController
@RequestMapping("/api/inventory/imports")
class InventoryImportApiController {

	private final InventoryImportService imports;

	InventoryImportApiController(InventoryImportService imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import .ocs or .xml inventory files (multipart field 'files'); one result per file")
	List<InventoryImportResult> upload(@RequestParam("files") List<MultipartFile> files, Principal user)
			throws IOException {
		return InventoryImportController.importAll(this.imports, files, InventoryImportResult.Channel.API, user);
	}

	@GetMapping
	@Operation(summary = "The latest import results, newest first")
	List<InventoryImportResult> recent(@RequestParam(defaultValue = "50") int limit) {
		return this.imports.recent(limit);
	}

}
