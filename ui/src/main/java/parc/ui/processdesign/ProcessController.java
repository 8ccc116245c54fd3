package parc.ui.processdesign;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.processdesign.ProcessDesignService;
import parc.orchestrator.processdesign.ProcessOrigin;
import parc.orchestrator.processdesign.ProcessRefusedException;
import parc.orchestrator.processdesign.ProcessVersion;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;

/**
 * The Processes page: every process Parc runs and the version in use; a process's
 * versions (who deployed each, from where), its diagram, its BPMN, what changed from the
 * shipped version; upload of a new version and roll-back, for administrators and
 * designers. Every user reads.
 */
@Controller
@RequestMapping("/processes")
class ProcessController {

	static final String LIST_VIEW = "processes/processList";

	static final String DETAIL_VIEW = "processes/processDetail";

	static final String CHANGES_VIEW = "processes/processChanges";

	static final String UPLOAD_VIEW = "processes/uploadProcess";

	private final ProcessDesignService processes;

	ProcessController(ProcessDesignService processes) {
		this.processes = processes;
	}

	@ModelAttribute("active")
	String active() {
		return "processes";
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("processes", this.processes.processes(q));
		return LIST_VIEW;
	}

	@GetMapping("/{key}")
	String detail(@PathVariable String key, @RequestParam(required = false) Integer version,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model) {
		Page<ProcessVersion> versions = this.processes.versions(key, new PageRequest(page, size));
		ProcessVersion inUse = this.processes.inUse(key);
		ProcessVersion shown = (version != null) ? this.processes.version(key, version) : inUse;
		model.addAttribute("key", key);
		model.addAttribute("versions", versions);
		model.addAttribute("inUse", inUse);
		model.addAttribute("shown", shown);
		return DETAIL_VIEW;
	}

	@GetMapping(path = "/{key}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<byte[]> bpmn(@PathVariable String key, @PathVariable int version) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, BpmnDownload.contentDisposition(key, version))
			.contentType(MediaType.APPLICATION_XML)
			.body(this.processes.bpmn(key, version));
	}

	@GetMapping("/{key}/versions/{version}/changes")
	String changes(@PathVariable String key, @PathVariable int version, Model model) {
		model.addAttribute("key", key);
		model.addAttribute("changes", this.processes.changesFromShipped(key, version));
		return CHANGES_VIEW;
	}

	@PostMapping("/{key}/versions/{version}/use")
	String use(@PathVariable String key, @PathVariable int version, RedirectAttributes redirect) {
		try {
			ProcessVersion current = this.processes.rollBack(key, version);
			Flash.success(redirect, "processes.flash.rolledBack", key, version, current.version());
		}
		catch (ProcessRefusedException ex) {
			redirect.addFlashAttribute("problems", ex.problems());
			Flash.error(redirect, "processes.flash.refused", ex.problems().size());
		}
		return "redirect:/processes/" + key;
	}

	@GetMapping("/upload")
	String uploadForm() {
		return UPLOAD_VIEW;
	}

	@PostMapping("/upload")
	String upload(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			List<ProcessVersion> created = this.processes.deploy(file.getOriginalFilename(), file.getBytes(),
					ProcessOrigin.CONSOLE);
			if (created.isEmpty()) {
				Flash.success(redirect, "processes.flash.unchanged");
				return "redirect:/processes";
			}
			ProcessVersion first = created.get(0);
			Flash.success(redirect, "processes.flash.deployed", first.key(), first.version());
			return "redirect:/processes/" + first.key();
		}
		catch (ProcessRefusedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("fileName", file.getOriginalFilename());
			return UPLOAD_VIEW;
		}
	}

}
