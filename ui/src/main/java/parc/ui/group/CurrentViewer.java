package parc.ui.group;

import org.springframework.security.core.Authentication;

import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.user.Role;

/** The signed-in account as groups see it: its name and its role. */
public final class CurrentViewer {

	private CurrentViewer() {
	}

	public static GroupViewer of(Authentication authentication) {
		Role role = authentication.getAuthorities()
			.stream()
			.map((authority) -> authority.getAuthority())
			.filter((name) -> name.startsWith("ROLE_"))
			.map((name) -> name.substring("ROLE_".length()))
			.filter((name) -> java.util.Arrays.stream(Role.values()).anyMatch((known) -> known.name().equals(name)))
			.map(Role::valueOf)
			.findFirst()
			.orElse(Role.USER);
		return new GroupViewer(authentication.getName(), role);
	}

}
