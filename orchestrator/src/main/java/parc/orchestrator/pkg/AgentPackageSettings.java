package parc.orchestrator.pkg;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * How a package is delivered through an OCS agent. The JSON names are a public contract
 * of {@code /api/packages} ({@code agent}); every field is optional.
 *
 * @param action EXECUTE (default), LAUNCH or STORE
 * @param launch for LAUNCH: the package file to run and its arguments
 * @param storePath for STORE: the folder the files are copied into
 * @param priority 0 to 10, default 5; 0 blocks every other package until it is done
 * @param notifyUser Windows agents: ask the user first
 * @param notifyText Windows agents: what to ask
 * @param notifyCountdown Windows agents: seconds before the package goes on anyway
 * @param notifyCanAbort Windows agents: the user may cancel
 * @param notifyCanDelay Windows agents: the user may postpone
 * @param doneActionText Windows agents: what to say once done
 * @param fragmentSizeKb the size of the pieces agents download, in KiB (default 1024)
 */
public record AgentPackageSettings(AgentAction action, @Size(max = 1024) String launch,
		@Size(max = 1024) String storePath, @Min(0) @Max(10) Integer priority, Boolean notifyUser,
		@Size(max = 1024) String notifyText, @Min(0) @Max(86400) Integer notifyCountdown, Boolean notifyCanAbort,
		Boolean notifyCanDelay, @Size(max = 1024) String doneActionText,
		@Min(1) @Max(1024 * 1024) Integer fragmentSizeKb) {

	public static final int DEFAULT_PRIORITY = 5;

	public static final int DEFAULT_FRAGMENT_SIZE_KB = 1024;

	/** Run the command, priority 5, 1 MiB pieces, no pop-up. */
	public static AgentPackageSettings defaults() {
		return new AgentPackageSettings(AgentAction.EXECUTE, null, null, DEFAULT_PRIORITY, false, null, null, false,
				false, null, DEFAULT_FRAGMENT_SIZE_KB);
	}

	/** Every field set: what was given, the default otherwise. */
	public AgentPackageSettings complete() {
		AgentAction chosen = (this.action != null) ? this.action : AgentAction.EXECUTE;
		return new AgentPackageSettings(chosen, blankToNull(this.launch), blankToNull(this.storePath),
				(this.priority != null) ? this.priority : DEFAULT_PRIORITY, Boolean.TRUE.equals(this.notifyUser),
				blankToNull(this.notifyText), this.notifyCountdown, Boolean.TRUE.equals(this.notifyCanAbort),
				Boolean.TRUE.equals(this.notifyCanDelay), blankToNull(this.doneActionText),
				(this.fragmentSizeKb != null) ? this.fragmentSizeKb : DEFAULT_FRAGMENT_SIZE_KB);
	}

	/**
	 * The file the agent runs for {@link #launch()}: the Unix agent cuts the name at the
	 * first space or '-' (so {@code my-setup.sh} would run {@code my}).
	 */
	public static String launchedFile(String launch) {
		String text = launch.strip();
		int end = 0;
		while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '-') {
			end++;
		}
		return text.substring(0, end);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
