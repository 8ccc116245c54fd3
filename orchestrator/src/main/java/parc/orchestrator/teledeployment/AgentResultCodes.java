package parc.orchestrator.teledeployment;

/**
 * Reads the codes agents report (protocol §4.7). {@code SUCCESS}, {@code SUCCESS_<n>}
 * (LAUNCH, n the exit code) and {@code SUCCESS_ALREADY_SETUP} mean done; any other code,
 * known or not, is a failed attempt and is kept as sent.
 */
public final class AgentResultCodes {

	/** Parc's own code: the agent's history already held the package, unforced. */
	public static final String ALREADY_IN_HISTORY = "SUCCESS_ALREADY_IN_HISTORY";

	/** What ocsreports records for an empty code. */
	public static final String UNKNOWN = "UNKNOWN_CODE";

	private AgentResultCodes() {
	}

	public static boolean isSuccess(String code) {
		return code != null && (code.equals("SUCCESS") || code.startsWith("SUCCESS_"));
	}

	/** The code to keep: trimmed, at most 100 characters, {@link #UNKNOWN} when empty. */
	public static String normalise(String code) {
		if (code == null || code.isBlank()) {
			return UNKNOWN;
		}
		String text = code.strip().replaceAll("\\p{Cntrl}", "");
		return (text.length() > 100) ? text.substring(0, 100) : text;
	}

}
