package parc.agentlessadapter.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command to run on a target. The script is the administrator's or Parc's own code, in
 * the target's language ({@code sh} on Unix, PowerShell on Windows); the arguments are
 * data: they reach the script as positional parameters ({@code "$1"}, or {@code $args} in
 * PowerShell) and are never parsed by a shell.
 *
 * @param script the script text
 * @param arguments its arguments, passed as data
 * @param workingDirectory where it runs, relative to the login's home or absolute; null
 * for the home
 * @param timeLimit it is killed when it runs longer
 * @param maxRetainedBytes how much of its output {@link CommandResult} keeps: half for
 * stdout, half for stderr, each as its first and last lines; the listener sees every line
 * regardless
 */
public record RemoteCommand(String script, List<String> arguments, String workingDirectory, Duration timeLimit,
		long maxRetainedBytes) {

	/** 10 minutes. */
	public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

	/** 1 MiB. */
	public static final long DEFAULT_RETAINED_BYTES = 1024 * 1024;

	public RemoteCommand {
		Objects.requireNonNull(script, "script");
		arguments = List.copyOf(arguments);
		Objects.requireNonNull(timeLimit, "timeLimit");
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("the time limit must be positive");
		}
		if (script.indexOf('\0') >= 0 || arguments.stream().anyMatch((argument) -> argument.indexOf('\0') >= 0)) {
			// No shell or exec request can carry a NUL byte: refuse instead of
			// truncating.
			throw new IllegalArgumentException("a script or argument contains a NUL byte");
		}
		if (maxRetainedBytes < 2) {
			throw new IllegalArgumentException("retain at least 2 bytes of output");
		}
	}

	public static RemoteCommand of(String script, String... arguments) {
		return new RemoteCommand(script, List.of(arguments), null, DEFAULT_TIME_LIMIT, DEFAULT_RETAINED_BYTES);
	}

	public RemoteCommand inDirectory(String directory) {
		return new RemoteCommand(this.script, this.arguments, directory, this.timeLimit, this.maxRetainedBytes);
	}

	public RemoteCommand withTimeLimit(Duration limit) {
		return new RemoteCommand(this.script, this.arguments, this.workingDirectory, limit, this.maxRetainedBytes);
	}

	public RemoteCommand retaining(long bytes) {
		return new RemoteCommand(this.script, this.arguments, this.workingDirectory, this.timeLimit, bytes);
	}

}
