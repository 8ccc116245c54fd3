package parc.orchestrator.system.sql;

/**
 * Text an administrator typed, made safe for SQL {@code LIKE ... escape '\'}: LIKE's own
 * {@code %} and {@code _} (and the escape character) are taken literally, so "50%" finds
 * "50%" and not "500".
 */
public final class LikePattern {

	private LikePattern() {
	}

	/** The text, matched literally. */
	public static String literal(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The text matched literally except {@code *}, which matches anything. */
	public static String withStars(String text) {
		return literal(text).replace('*', '%');
	}

}
