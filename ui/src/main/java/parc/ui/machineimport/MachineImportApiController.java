package parc.ui.machineimport;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.machineimport.CsvPreview;
import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportMode;
import parc.orchestrator.machineimport.MachineImportRowResult;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/machine-imports}: CSV files of machines, in one call (the header decides
 * the mapping) or in two (preview, then confirm a mapping). Runs are asynchronous: poll
 * the import until its state is DONE or FAILED.
 */
@RestController
@RequestMapping("/api/machine-imports")
@Tag(name = "Machine imports", description = "CSV imports of machines into the registry")
class MachineImportApiController {

	private final MachineImportService imports;

	MachineImportApiController(MachineImportService imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Import a CSV file (multipart 'file'); 'mode' GOOD_ROWS (default) or ALL_OR_NOTHING,"
			+ " 'charset' (UTF-8), 'mapping' as comma-separated field keys (default: from the header)")
	MachineImport importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "GOOD_ROWS") MachineImportMode mode,
			@RequestParam(required = false) String charset, @RequestParam(required = false) String mapping,
			Principal user) throws IOException {
		String upload = keep(file);
		CsvPreview preview = this.imports.preview(upload, charset);
		List<String> columns = (mapping != null && !mapping.isBlank())
				? Arrays.stream(mapping.split(",")).map(String::trim).toList() : preview.mapping();
		return this.imports.submit(upload, file.getOriginalFilename(), columns, mode, charset, user.getName());
	}

	@PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Keep a file and show its header, suggested mapping and first rows; confirm with"
			+ " POST /api/machine-imports/confirm")
	UploadPreview preview(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String charset)
			throws IOException {
		String upload = keep(file);
		return new UploadPreview(upload, file.getOriginalFilename(), this.imports.preview(upload, charset));
	}

	@PostMapping("/confirm")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run a previewed upload: {upload, fileName, mapping, mode, charset}")
	MachineImport confirm(@RequestBody Confirmation confirmation, Principal user) {
		return this.imports.submit(confirmation.upload(), confirmation.fileName(), confirmation.mapping(),
				confirmation.mode(), confirmation.charset(), user.getName());
	}

	@GetMapping
	@Operation(summary = "Imports, newest first, the watched folder's included")
	Page<MachineImport> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		return this.imports.list(new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One import: state, rowsRead (progress), created, updated, unchanged, errors, failure")
	MachineImport get(@PathVariable long id) {
		return this.imports.get(id);
	}

	@GetMapping("/{id}/rows")
	@Operation(summary = "The per-row report: line, name, outcome, reason; problems=true for errors and rows"
			+ " left out")
	Page<MachineImportRowResult> rows(@PathVariable long id, @RequestParam(defaultValue = "false") boolean problems,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.imports.rows(id, problems, new PageRequest(page, size));
	}

	@GetMapping(path = "/{id}/report.csv", produces = "text/csv")
	@Operation(summary = "The per-row report as CSV")
	void report(@PathVariable long id, HttpServletResponse response) throws IOException {
		ImportReportCsv.download(this.imports, id, response);
	}

	private String keep(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return this.imports.keepUpload(in);
		}
	}

	/** A kept upload and what it holds. */
	record UploadPreview(String upload, String fileName, CsvPreview preview) {
	}

	/** A previewed upload to run with a confirmed mapping. */
	record Confirmation(String upload, String fileName, List<String> mapping, MachineImportMode mode, String charset) {

		Confirmation {
			mapping = (mapping != null) ? List.copyOf(mapping) : List.of();
		}

	}

}
