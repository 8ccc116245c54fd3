package parc.ui.account;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.user.UserAccountException;
import parc.orchestrator.user.UserAccountService;
import parc.ui.system.Flash;

/** Every user, read-only ones included, may change their own password here. */
@Controller
@RequestMapping("/account")
class AccountController {

	static final String VIEW = "account/changePassword";

	private final UserAccountService accounts;

	AccountController(UserAccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("minLength", UserAccountService.MIN_PASSWORD_LENGTH);
		return VIEW;
	}

	@PostMapping("/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Principal principal, RedirectAttributes redirect) {
		if (!newPassword.equals(confirmPassword)) {
			Flash.error(redirect, "account.error.confirmation");
			return "redirect:/account";
		}
		try {
			this.accounts.changeOwnPassword(principal.getName(), currentPassword, newPassword);
			Flash.success(redirect, "account.flash.changed");
		}
		catch (UserAccountException ex) {
			Flash.error(redirect, ex.messageKey(), UserAccountService.MIN_PASSWORD_LENGTH,
					UserAccountService.MAX_PASSWORD_LENGTH);
		}
		return "redirect:/account";
	}

}
