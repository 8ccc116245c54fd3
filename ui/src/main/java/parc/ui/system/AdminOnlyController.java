package parc.ui.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the console's security forwards a refused request, whatever its method: a
 * read-only user reads "administrators only" in the console's layout, and a form sent
 * with an expired session token is told to reload (the same refusal to the security
 * filter). The 403 status is already set.
 */
@Controller
class AdminOnlyController {

	static final String VIEW = "adminOnly";

	@RequestMapping("/admin-only")
	String refused(HttpServletRequest request, Model model) {
		Object refusal = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
		model.addAttribute("expiredForm", refusal instanceof CsrfException);
		return VIEW;
	}

}
