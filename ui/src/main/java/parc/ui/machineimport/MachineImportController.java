package parc.ui.machineimport;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.AdminField;
import parc.orchestrator.machineimport.CsvPreview;
import parc.orchestrator.machineimport.InvalidMachineImportException;
import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportField;
import parc.orchestrator.machineimport.MachineImportMode;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.system.csv.UploadedFile;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The console's CSV import of machines: upload, check the header mapping and the first
 * rows, choose good rows or all-or-nothing, then follow the progress and read the per-row
 * report.
 */
@Controller
class MachineImportController {

	static final String UPLOAD_VIEW = "machines/importMachines";

	static final String MAPPING_VIEW = "machines/importMapping";

	static final String RESULT_VIEW = "machines/importResult";

	private final MachineImportService imports;

	private final AdminDataService adminData;

	private final MessageSource messages;

	MachineImportController(MachineImportService imports, AdminDataService adminData, MessageSource messages) {
		this.imports = imports;
		this.adminData = adminData;
		this.messages = messages;
	}

	@GetMapping("/machines/import")
	String page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "10") int size, Model model) {
		model.addAttribute("imports", this.imports.list(new PageRequest(page, size)));
		model.addAttribute("charsets", UploadedFile.OFFERED_CHARSETS);
		model.addAttribute("inbox", this.imports.properties().inbox().toAbsolutePath());
		return UPLOAD_VIEW;
	}

	@PostMapping(path = "/machines/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "UTF-8") String charset,
			Locale locale, Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("uploadError", "machineImport.error.noFile");
			return page(0, 10, model);
		}
		try (InputStream in = file.getInputStream()) {
			String upload = this.imports.keepUpload(in);
			return mapping(upload, file.getOriginalFilename(), charset, this.imports.preview(upload, charset), null,
					MachineImportMode.GOOD_ROWS, model);
		}
		catch (InvalidMachineImportException ex) {
			model.addAttribute("uploadProblem", this.messages.getMessage(ex, locale));
			return page(0, 10, model);
		}
	}

	@PostMapping("/machines/import/confirm")
	String confirm(@RequestParam String upload, @RequestParam String fileName,
			@RequestParam(defaultValue = "UTF-8") String charset, @RequestParam List<String> mapping,
			@RequestParam(defaultValue = "GOOD_ROWS") MachineImportMode mode, Principal user, Model model) {
		try {
			MachineImport submitted = this.imports.submit(upload, fileName, mapping, mode, charset, user.getName());
			return "redirect:/machines/imports/" + submitted.id();
		}
		catch (InvalidMachineImportException ex) {
			CsvPreview preview;
			try {
				preview = this.imports.preview(upload, charset);
			}
			catch (InvalidMachineImportException gone) {
				// The upload cannot be read again (removed, or a charset it is not in):
				// start over.
				model.addAttribute("uploadProblem", ex.getMessage());
				return page(0, 10, model);
			}
			List<String> shown = (mapping.size() == preview.header().size()) ? mapping : preview.mapping();
			return mapping(upload, fileName, charset,
					new CsvPreview(preview.header(), shown, preview.sample(), preview.delimiter(), preview.warning()),
					ex.getMessage(), mode, model);
		}
	}

	@GetMapping("/machines/imports/{id}")
	String result(@PathVariable long id, @RequestParam(defaultValue = "false") boolean problems,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		MachineImport run = this.imports.get(id);
		model.addAttribute("run", run);
		model.addAttribute("rows", this.imports.rows(id, problems, new PageRequest(page, size)));
		model.addAttribute("problems", problems);
		return RESULT_VIEW;
	}

	@GetMapping(path = "/machines/imports/{id}/report.csv", produces = "text/csv")
	void report(@PathVariable long id, HttpServletResponse response) throws IOException {
		ImportReportCsv.download(this.imports, id, response);
	}

	private String mapping(String upload, String fileName, String charset, CsvPreview preview, String problem,
			MachineImportMode mode, Model model) {
		model.addAttribute("upload", upload);
		model.addAttribute("fileName", fileName);
		model.addAttribute("charset", charset);
		model.addAttribute("preview", preview);
		model.addAttribute("problem", problem);
		model.addAttribute("mode", mode);
		model.addAttribute("modes", MachineImportMode.values());
		model.addAttribute("fields", fieldChoices());
		return MAPPING_VIEW;
	}

	/** Built-in fields by message key, then administrative fields by their label. */
	private List<FieldChoice> fieldChoices() {
		List<FieldChoice> choices = new ArrayList<>();
		for (MachineImportField field : MachineImportField.values()) {
			choices.add(new FieldChoice(field.key(), "machineImport.field." + field.key(), null));
		}
		for (AdminField field : this.adminData.fields()) {
			choices.add(new FieldChoice("admin." + field.key(), null, field.label()));
		}
		return choices;
	}

	/** A mapping choice: a message key, or a label of its own (administrative fields). */
	record FieldChoice(String key, String messageKey, String label) {
	}

}
