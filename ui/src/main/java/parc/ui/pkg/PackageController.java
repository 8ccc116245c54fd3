package parc.ui.pkg;

import java.security.Principal;
import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.DuplicatePackageException;
import parc.orchestrator.pkg.InvalidPackageException;
import parc.orchestrator.pkg.PackageInUseException;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;
import parc.ui.system.FormErrors;

/**
 * Packages: list with size and search, create, details with the manifest, edit, delete.
 */
@Controller
@RequestMapping("/packages")
class PackageController {

	static final String LIST_VIEW = "packages/packageList";

	static final String FORM_VIEW = "packages/packageForm";

	static final String DETAILS_VIEW = "packages/packageDetails";

	static final String DELETE_VIEW = "packages/confirmDeletePackage";

	private final PackageService packages;

	PackageController(PackageService packages) {
		this.packages = packages;
	}

	@ModelAttribute("osFamilies")
	OsFamily[] osFamilies() {
		return OsFamily.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		model.addAttribute("packages",
				this.packages.find(q, new PageRequest(page, PageRequest.SIZES.contains(size) ? size : 25)));
		model.addAttribute("q", q);
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new PackageForm());
		addSources(model);
		return FORM_VIEW;
	}

	private void addSources(Model model) {
		model.addAttribute("serverFolders", this.packages.serverFolders());
		model.addAttribute("importRoot", this.packages.importRoot().toString());
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") PackageForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "archive", required = false) MultipartFile archive, Principal principal, Model model,
			RedirectAttributes redirect) {
		addSources(model);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			SoftwarePackage created;
			if ("archive".equals(form.getSource())) {
				if (archive == null || archive.isEmpty()) {
					throw new InvalidPackageException("archive", "choose an archive to unpack");
				}
				created = this.packages.createFromArchive(form.toDraft(), Uploads.of(archive), principal.getName());
			}
			else if ("folder".equals(form.getSource())) {
				created = this.packages.createFromServerFolder(form.toDraft(), form.getServerFolder(),
						principal.getName());
			}
			else {
				created = this.packages.createFromFiles(form.toDraft(), Uploads.of(files), principal.getName());
			}
			Flash.success(redirect, "packages.flash.created", created.label(), created.version());
			return "redirect:/packages/" + created.id();
		}
		catch (InvalidPackageException ex) {
			result.rejectValue(formField(ex), "", ex.getMessage());
		}
		catch (DuplicatePackageException ex) {
			result.rejectValue("version", "packages.error.duplicate");
		}
		catch (ConstraintViolationException ex) {
			FormErrors.reject(ex, result);
		}
		return FORM_VIEW;
	}

	@GetMapping("/{id}")
	String details(@PathVariable long id, Model model) {
		model.addAttribute("pkg", this.packages.get(id));
		return DETAILS_VIEW;
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		SoftwarePackage pkg = this.packages.get(id);
		model.addAttribute("form", PackageForm.of(pkg));
		model.addAttribute("pkg", pkg);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") PackageForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("pkg", this.packages.get(id));
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			SoftwarePackage updated = this.packages.update(id, form.toDraft());
			Flash.success(redirect, "packages.flash.updated", updated.label(), updated.version());
			return "redirect:/packages/" + id;
		}
		catch (DuplicatePackageException ex) {
			result.rejectValue("version", "packages.error.duplicate");
		}
		catch (InvalidPackageException ex) {
			result.rejectValue(formField(ex), "", ex.getMessage());
		}
		catch (ConstraintViolationException ex) {
			FormErrors.reject(ex, result);
		}
		return FORM_VIEW;
	}

	/** The form field an error names: agent.launch is the form's launch, and so on. */
	private static String formField(InvalidPackageException ex) {
		return switch (ex.field()) {
			case "archive", "files", "serverFolder" -> "source";
			default -> ex.field().startsWith("agent.") ? ex.field().substring("agent.".length()) : ex.field();
		};
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("pkg", this.packages.get(id));
		return DELETE_VIEW;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		SoftwarePackage pkg = this.packages.get(id);
		try {
			this.packages.delete(id);
		}
		catch (PackageInUseException ex) {
			Flash.error(redirect, "packages.flash.inUse", pkg.label(), pkg.version());
			return "redirect:/packages/" + id;
		}
		Flash.success(redirect, "packages.flash.deleted", pkg.label(), pkg.version());
		return "redirect:/packages";
	}

}
