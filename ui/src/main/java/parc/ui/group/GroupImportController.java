package parc.ui.group;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.group.DuplicateGroupNameException;
import parc.orchestrator.group.GroupImport;
import parc.orchestrator.group.GroupImportKind;
import parc.orchestrator.group.GroupImportService;
import parc.orchestrator.group.InvalidGroupException;
import parc.orchestrator.system.csv.UploadedFile;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The console's "group from a file": choose what the file holds, upload it, then read
 * each line's result and download the report.
 */
@Controller
class GroupImportController {

	static final String FORM_VIEW = "groups/importGroup";

	static final String RESULT_VIEW = "groups/importGroupResult";

	private final GroupImportService imports;

	GroupImportController(GroupImportService imports) {
		this.imports = imports;
	}

	@GetMapping("/groups/import")
	String form(Model model) {
		model.addAttribute("kinds", GroupImportKind.values());
		model.addAttribute("charsets", UploadedFile.OFFERED_CHARSETS);
		return FORM_VIEW;
	}

	@PostMapping(path = "/groups/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importGroup(@RequestParam("file") MultipartFile file, @RequestParam String name,
			@RequestParam GroupImportKind kind, @RequestParam(defaultValue = "UTF-8") String charset,
			@RequestParam(defaultValue = "false") boolean visible, Authentication user, Model model)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			GroupImport result = this.imports.importGroup(name, kind, in, file.getOriginalFilename(), charset, visible,
					CurrentViewer.of(user));
			return "redirect:/groups/imports/" + result.id();
		}
		catch (InvalidGroupException | DuplicateGroupNameException ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("name", name);
			model.addAttribute("kind", kind);
			return form(model);
		}
		catch (jakarta.validation.ConstraintViolationException ex) {
			model.addAttribute("problem", ex.getConstraintViolations().iterator().next().getMessage());
			model.addAttribute("kind", kind);
			return form(model);
		}
	}

	@GetMapping("/groups/imports/{id}")
	String result(@PathVariable long id, @RequestParam(defaultValue = "false") boolean problems,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		model.addAttribute("result", this.imports.get(id));
		model.addAttribute("lines", this.imports.lines(id, problems, new PageRequest(page, size)));
		model.addAttribute("problems", problems);
		return RESULT_VIEW;
	}

	@GetMapping(path = "/groups/imports/{id}/report.csv", produces = "text/csv")
	void report(@PathVariable long id, HttpServletResponse response) throws IOException {
		GroupImportReportCsv.download(this.imports, id, response);
	}

}
