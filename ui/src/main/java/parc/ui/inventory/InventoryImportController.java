package parc.ui.inventory;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.inventory.InventoryImportResult;
import parc.orchestrator.inventory.InventoryImportService;

/**
 * Offline inventories: upload one or many {@code .ocs} or {@code .xml} files from the
 * console ({@code /inventory/import}) or the API ({@code POST /api/inventory/imports}),
 * each with its own result; the page also lists recent imports, the watched folder's
 * included.
 */
@Controller
class InventoryImportController {

	static final String VIEW = "inventory/inventoryImport";

	private final InventoryImportService imports;

	InventoryImportController(InventoryImportService imports) {
		this.imports = imports;
	}

	@GetMapping("/inventory/import")
	String page(Model model) {
		model.addAttribute("recent", this.imports.recent(50));
		return VIEW;
	}

	@PostMapping(path = "/inventory/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@RequestParam("files") List<MultipartFile> files, Principal user, Model model) throws IOException {
		model.addAttribute("results", importAll(files, InventoryImportResult.Channel.UPLOAD, user));
		return page(model);
	}

	@PostMapping(path = "/api/inventory/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@Operation(summary = "Import .ocs or .xml inventory files (multipart field 'files'); one result per file")
	List<InventoryImportResult> uploadApi(@RequestParam("files") List<MultipartFile> files, Principal user)
			throws IOException {
		return importAll(files, InventoryImportResult.Channel.API, user);
	}

	@GetMapping("/api/inventory/imports")
	@ResponseBody
	@Operation(summary = "The latest import results, newest first")
	List<InventoryImportResult> recentApi(@RequestParam(defaultValue = "50") int limit) {
		return this.imports.recent(limit);
	}

	private List<InventoryImportResult> importAll(List<MultipartFile> files, InventoryImportResult.Channel channel,
			Principal user) throws IOException {
		List<InventoryImportResult> results = new ArrayList<>();
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue;
			}
			String by = (user != null) ? user.getName() : null;
			// The upload limit is set for packages (#6): an inventory above its own cap
			// is refused unread.
			if (file.getSize() > InventoryImportService.MAX_FILE_BYTES) {
				results.add(this.imports.rejectTooLarge(file.getOriginalFilename(), file.getSize(), channel, by));
				continue;
			}
			results.add(this.imports.importFile(file.getOriginalFilename(), file.getBytes(), channel, by));
		}
		return results;
	}

}
