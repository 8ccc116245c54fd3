package parc.ui.user;

import java.security.Principal;

import jakarta.validation.ConstraintViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.user.GeneratedPassword;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountException;
import parc.orchestrator.user.UserAccountService;
import parc.ui.system.Flash;

/**
 * User management for administrators: list, create, enable/disable, change role, reset
 * password. Parc generates every password and shows it once, on the page that follows the
 * action.
 */
@Controller
@RequestMapping("/users")
class UserController {

	static final String LIST_VIEW = "users/userList";

	private final UserAccountService accounts;

	UserController(UserAccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.accounts.findAll());
		model.addAttribute("roles", Role.values());
		return LIST_VIEW;
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam Role role, RedirectAttributes redirect) {
		try {
			showPassword(redirect, this.accounts.create(new NewUserAccount(username.trim(), role)));
			Flash.success(redirect, "users.flash.created", username.trim());
		}
		catch (ConstraintViolationException ex) {
			Flash.error(redirect, "users.error.username", username);
		}
		catch (UserAccountException ex) {
			Flash.error(redirect, ex.messageKey(), username);
		}
		return "redirect:/users";
	}

	@PostMapping("/{username}/password")
	String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
		showPassword(redirect, this.accounts.resetPassword(username));
		Flash.success(redirect, "users.flash.passwordReset", username);
		return "redirect:/users";
	}

	@PostMapping("/{username}/enabled")
	String setEnabled(@PathVariable String username, @RequestParam boolean enabled, Principal principal,
			RedirectAttributes redirect) {
		if (!enabled && username.equals(principal.getName())) {
			Flash.error(redirect, "users.error.self");
			return "redirect:/users";
		}
		try {
			this.accounts.setEnabled(username, enabled);
			Flash.success(redirect, enabled ? "users.flash.enabled" : "users.flash.disabled", username);
		}
		catch (UserAccountException ex) {
			Flash.error(redirect, ex.messageKey(), username);
		}
		return "redirect:/users";
	}

	@PostMapping("/{username}/role")
	String changeRole(@PathVariable String username, @RequestParam Role role, RedirectAttributes redirect) {
		try {
			this.accounts.changeRole(username, role);
			Flash.success(redirect, "users.flash.roleChanged", username, role);
		}
		catch (UserAccountException ex) {
			Flash.error(redirect, ex.messageKey(), username);
		}
		return "redirect:/users";
	}

	private static void showPassword(RedirectAttributes redirect, GeneratedPassword password) {
		redirect.addFlashAttribute("generatedPassword", password);
	}

}
