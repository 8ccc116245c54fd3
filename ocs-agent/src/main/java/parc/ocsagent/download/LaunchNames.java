package parc.ocsagent.download;

/**
 * The Unix agent takes as the file to launch the leading run of characters that are
 * neither a space nor a '-' (protocol §4.6), so {@code my-setup.sh} would run {@code my}.
 * Such names are refused before any agent sees them.
 */
public final class LaunchNames {

	private LaunchNames() {
	}

	/** The file the agent will run for this {@code NAME}. */
	public static String fileOf(String launch) {
		String text = launch.strip();
		int end = 0;
		while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '-') {
			end++;
		}
		return text.substring(0, end);
	}

	/**
	 * @throws IllegalArgumentException when the agent would run another file than the one
	 * the name starts with
	 */
	public static void check(String launch) {
		String text = launch.strip();
		int space = text.indexOf(' ');
		String named = (space < 0) ? text : text.substring(0, space);
		if (named.isEmpty() || !named.equals(fileOf(text))) {
			throw new IllegalArgumentException("The agent would launch '" + fileOf(text) + "' instead of '" + named
					+ "': it cuts file names at the first '-'; rename the file");
		}
	}

}
