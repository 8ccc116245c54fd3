package parc.ui.group;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import parc.orchestrator.group.GroupImport;
import parc.orchestrator.group.GroupImportKind;
import parc.orchestrator.group.GroupImportLine;
import parc.orchestrator.group.GroupImportService;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/** {@code /api/groups/imports}: static groups built from a file of values (issue #7). */
@RestController
@RequestMapping("/api/groups/imports")
@Tag(name = "Groups", description = "Static and dynamic groups of machines")
class GroupImportApiController {

	private final GroupImportService imports;

	GroupImportApiController(GroupImportService imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Build a static group from a file (multipart 'file', one value per line): 'name', 'kind'"
			+ " NAME|IP|MAC|OS|SOFTWARE, 'charset' (UTF-8), 'visible'; groupId is null when nothing matched")
	GroupImport importGroup(@RequestParam("file") MultipartFile file, @RequestParam String name,
			@RequestParam GroupImportKind kind, @RequestParam(required = false) String charset,
			@RequestParam(defaultValue = "false") boolean visible, Authentication user) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return this.imports.importGroup(name, kind, in, file.getOriginalFilename(), charset, visible,
					CurrentViewer.of(user));
		}
	}

	@GetMapping("/{id}")
	@Operation(summary = "One group import: the group, how many machines, how many lines of each outcome")
	GroupImport get(@PathVariable long id) {
		return this.imports.get(id);
	}

	@GetMapping("/{id}/rows")
	@Operation(summary = "Each line's result: line, value, outcome MATCHED|NO_MATCH|AMBIGUOUS|INVALID, machines,"
			+ " reason; problems=true leaves out the matches")
	Page<GroupImportLine> rows(@PathVariable long id, @RequestParam(defaultValue = "false") boolean problems,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.imports.lines(id, problems, new PageRequest(page, size));
	}

	@GetMapping(path = "/{id}/report.csv", produces = "text/csv")
	@Operation(summary = "Each line's result as CSV")
	void report(@PathVariable long id, HttpServletResponse response) throws IOException {
		GroupImportReportCsv.download(this.imports, id, response);
	}

}
