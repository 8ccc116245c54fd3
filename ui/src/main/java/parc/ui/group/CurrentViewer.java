package parc.ui.group;

import org.springframework.security.core.Authentication;

import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.user.Role;

/** The signed-in account as groups see it: its name and its role. */
public final class CurrentViewer {

	private CurrentViewer() {
	}

	public static GroupViewer of(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + Role.ADMIN.name()).equals(authority.getAuthority()));
		return new GroupViewer(authentication.getName(), admin ? Role.ADMIN : Role.USER);
	}

}
