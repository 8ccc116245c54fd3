package parc.ui.inventory;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.inventory.InventoryImportResult;
import parc.orchestrator.inventory.InventoryImportService;

/**
 * Offline inventories: upload one or many {@code .ocs} or {@code .xml} files from the
 * console ({@code /inventory/import}), each with its own result; the page also lists
 * recent imports, the watched folder's included. The API is
 * {@link InventoryImportApiController}.
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
		model.addAttribute("results", importAll(this.imports, files, InventoryImportResult.Channel.UPLOAD, user));
		return page(model);
	}

	/** Each file imported on its own, with its own result; empty file fields skipped. */
	static List<InventoryImportResult> importAll(InventoryImportService imports, List<MultipartFile> files,
			InventoryImportResult.Channel channel, Principal user) throws IOException {
		List<InventoryImportResult> results = new ArrayList<>();
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue;
			}
			String by = (user != null) ? user.getName() : null;
			// The upload limit is set for packages (#6): an inventory above its own cap
			// is refused unread.
			if (file.getSize() > InventoryImportService.MAX_FILE_BYTES) {
				results.add(imports.rejectTooLarge(file.getOriginalFilename(), file.getSize(), channel, by));
				continue;
			}
			results.add(imports.importFile(file.getOriginalFilename(), file.getBytes(), channel, by));
		}
		return results;
	}

}
