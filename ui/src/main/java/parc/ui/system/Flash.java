package parc.ui.system;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One-time messages shown at the top of the next page (after a redirect). The layout
 * renders them from the message bundles, so a flash speaks the user's language.
 */
public final class Flash {

	private Flash() {
	}

	public static void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
		add(redirect, "success", messageKey, arguments);
	}

	public static void error(RedirectAttributes redirect, String messageKey, Object... arguments) {
		add(redirect, "danger", messageKey, arguments);
	}

	private static void add(RedirectAttributes redirect, String level, String messageKey, Object... arguments) {
		redirect.addFlashAttribute("flashLevel", level);
		redirect.addFlashAttribute("flashKey", messageKey);
		redirect.addFlashAttribute("flashArgs", arguments);
	}

}
