package parc.orchestrator.deployment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A command a process designer put in a process (element template "Run a command on the
 * machine"), as the process gave it: read as it is, checked when it runs, so that a
 * mistake fails that machine's step with a clear reason instead of stopping the workers.
 *
 * @param command what to run; the arguments follow it as data, never as shell text
 * @param arguments the arguments, one per line; blank lines are dropped
 * @param timeLimit seconds, as a number or text; null for {@link #DEFAULT_TIME_LIMIT}
 * @param successCodes exit codes that count as success, separated by commas or spaces;
 * null for 0
 */
public record DesignedCommand(String command, String arguments, Object timeLimit, Object successCodes) {

	public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

	/** A command may not hold a worker longer than the install command may. */
	public static final Duration MAX_TIME_LIMIT = Duration.ofHours(2);

	static DesignedCommand of(Map<String, Object> variables) {
		Object command = variables.get(DeploymentPhaseVariables.COMMAND);
		Object arguments = variables.get(DeploymentPhaseVariables.COMMAND_ARGUMENTS);
		return new DesignedCommand((command != null) ? command.toString() : null,
				(arguments != null) ? arguments.toString() : null,
				variables.get(DeploymentPhaseVariables.COMMAND_TIME_LIMIT),
				variables.get(DeploymentPhaseVariables.COMMAND_SUCCESS_CODES));
	}

	/**
	 * @throws IllegalArgumentException when the process gave no command
	 */
	public String commandLine() {
		if (this.command == null || this.command.isBlank()) {
			throw new IllegalArgumentException("The process gave no command to run (input '"
					+ DeploymentPhaseVariables.COMMAND + "' of the step is empty)");
		}
		return this.command.trim();
	}

	public List<String> argumentList() {
		if (this.arguments == null) {
			return List.of();
		}
		return this.arguments.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/**
	 * @throws IllegalArgumentException when it is not a whole number of seconds between 1
	 * and {@link #MAX_TIME_LIMIT}
	 */
	public Duration timeLimitDuration() {
		if (this.timeLimit == null || this.timeLimit.toString().isBlank()) {
			return DEFAULT_TIME_LIMIT;
		}
		long seconds;
		try {
			seconds = Long.parseLong(this.timeLimit.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"The command's time limit '" + this.timeLimit + "' is not a whole number of seconds");
		}
		if (seconds < 1 || seconds > MAX_TIME_LIMIT.toSeconds()) {
			throw new IllegalArgumentException("The command's time limit must be between 1 and "
					+ MAX_TIME_LIMIT.toSeconds() + " seconds, not " + seconds);
		}
		return Duration.ofSeconds(seconds);
	}

	/**
	 * @throws IllegalArgumentException when a code is not a whole number (Windows
	 * installers use codes such as 3010, "restart needed")
	 */
	public Set<Integer> successCodeSet() {
		if (this.successCodes == null || this.successCodes.toString().isBlank()) {
			return Set.of(0);
		}
		try {
			Set<Integer> codes = Arrays.stream(this.successCodes.toString().split("[,\\s]+"))
				.filter((code) -> !code.isEmpty())
				.map(Integer::valueOf)
				.collect(Collectors.toSet());
			if (codes.isEmpty()) {
				throw new NumberFormatException();
			}
			return codes;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The command's success codes '" + this.successCodes
					+ "' must be whole numbers separated by commas");
		}
	}

}
