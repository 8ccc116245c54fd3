package parc.ui.quickaction;

import java.security.Principal;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.agentless.MachineNotAgentlessException;
import parc.orchestrator.filepull.FilePull;
import parc.orchestrator.filepull.FilePullService;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;

/**
 * Actions > Pulled files: the list with download, cancel and delete; the machine page's
 * folder and Pull file button.
 */
@Controller
class FilePullController {

	static final String LIST_VIEW = "actions/filePulls";

	private final FilePullService filePulls;

	FilePullController(FilePullService filePulls) {
		this.filePulls = filePulls;
	}

	@GetMapping("/file-pulls")
	String list(@RequestParam(required = false) Long machineId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		var pulls = this.filePulls.list(machineId, new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25));
		model.addAttribute("pulls", pulls);
		// The page reloads itself while one of the pulls it shows is still coming.
		model.addAttribute("running",
				pulls.content().stream().anyMatch((pull) -> pull.state() == FilePull.State.IN_PROGRESS));
		return LIST_VIEW;
	}

	@GetMapping("/file-pulls/{id}/download")
	ResponseEntity<Resource> download(@PathVariable long id) {
		return FilePullApiController.FileDownloads.attachment(this.filePulls.get(id), this.filePulls.content(id));
	}

	@PostMapping("/file-pulls/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		this.filePulls.cancel(id);
		Flash.success(redirect, "filePulls.flash.cancelled");
		return "redirect:/file-pulls";
	}

	@PostMapping("/file-pulls/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.filePulls.delete(id);
		Flash.success(redirect, "filePulls.flash.deleted");
		return "redirect:/file-pulls";
	}

	@PostMapping("/machines/{id}/file-pulls")
	String start(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			this.filePulls.start(id, principal.getName());
			Flash.success(redirect, "filePulls.flash.started");
			return "redirect:/file-pulls?machineId=" + id;
		}
		catch (MachineNotAgentlessException ex) {
			Flash.error(redirect, "agentless.flash.notAgentless", ex.getMessage());
			return "redirect:/machines/" + id;
		}
	}

	@PostMapping("/machines/{id}/file-pull-folder")
	String setFolder(@PathVariable long id, @RequestParam(defaultValue = "") String folder,
			RedirectAttributes redirect) {
		try {
			this.filePulls.setFolder(id, folder);
			Flash.success(redirect, "filePulls.flash.folderSaved");
		}
		catch (IllegalArgumentException ex) {
			Flash.error(redirect, "agentless.flash.failed", ex.getMessage());
		}
		return "redirect:/machines/" + id;
	}

}
