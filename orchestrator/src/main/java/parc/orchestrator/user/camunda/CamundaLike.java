package parc.orchestrator.user.camunda;

import java.util.regex.Pattern;

/**
 * Camunda's "like" criteria use SQL wildcards ({@code %}, {@code _}); this matches them
 * in memory.
 */
final class CamundaLike {

	private CamundaLike() {
	}

	static boolean matches(String likePattern, String value) {
		StringBuilder regex = new StringBuilder();
		for (char c : likePattern.toCharArray()) {
			switch (c) {
				case '%' -> regex.append(".*");
				case '_' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
	}

}
