package parc.ui.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console opens on the machine registry, the one area that exists today. */
@Controller
class HomeController {

	static final String LOGIN_VIEW = "login";

	@GetMapping("/")
	String home() {
		return "redirect:/machines";
	}

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}

}
