package parc.ui.credential;

import java.util.function.Supplier;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialInUseException;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.credential.DuplicateCredentialNameException;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.ui.system.Flash;
import parc.ui.system.FormErrors;

/**
 * Settings > Credentials: list, store, replace and delete (after confirmation). Secrets
 * go in, never come back out.
 */
@Controller
@RequestMapping("/settings/credentials")
class CredentialController {

	static final String LIST_VIEW = "settings/credentialList";

	static final String FORM_VIEW = "settings/credentialForm";

	static final String DELETE_VIEW = "settings/confirmDeleteCredential";

	private final CredentialService credentials;

	CredentialController(CredentialService credentials) {
		this.credentials = credentials;
	}

	@ModelAttribute("credentialTypes")
	CredentialType[] credentialTypes() {
		return CredentialType.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("credentials", this.credentials.list());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new CredentialForm());
		return FORM_VIEW;
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") CredentialForm form, BindingResult result, RedirectAttributes redirect) {
		return save(result, redirect, "credentials.flash.created", () -> this.credentials.create(form.toDraft()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Credential credential = this.credentials.get(id);
		model.addAttribute("form", CredentialForm.of(credential));
		model.addAttribute("credential", credential);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") CredentialForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("credential", this.credentials.get(id));
		return save(result, redirect, "credentials.flash.updated", () -> this.credentials.replace(id, form.toDraft()));
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("credential", this.credentials.get(id));
		return DELETE_VIEW;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Credential credential = this.credentials.get(id);
		try {
			this.credentials.delete(id);
			Flash.success(redirect, "credentials.flash.deleted", credential.name());
		}
		catch (CredentialInUseException ex) {
			Flash.error(redirect, "credentials.flash.inUse", credential.name());
		}
		return "redirect:/settings/credentials";
	}

	private static String save(BindingResult result, RedirectAttributes redirect, String flashKey,
			Supplier<Credential> saving) {
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			Credential credential = saving.get();
			Flash.success(redirect, flashKey, credential.name());
			return "redirect:/settings/credentials";
		}
		catch (DuplicateCredentialNameException ex) {
			result.rejectValue("name", "credentials.error.duplicateName");
		}
		catch (InvalidCredentialException ex) {
			result.rejectValue(ex.field(), "", ex.getMessage());
		}
		catch (ConstraintViolationException ex) {
			FormErrors.reject(ex, result);
		}
		return FORM_VIEW;
	}

}
