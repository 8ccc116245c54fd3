package parc.orchestrator.agentless;

import java.time.Duration;
import java.util.List;

/**
 * A command for one machine.
 *
 * @param script the script, in the machine's language (sh or PowerShell)
 * @param arguments passed as data: {@code "$1"}... or {@code $args[0]}..., never parsed
 * by a shell
 * @param timeLimit killed beyond it
 * @param maxRetainedBytes how much output is kept (head and tail)
 */
public record RemoteCommandRequest(String script, List<String> arguments, Duration timeLimit, long maxRetainedBytes) {

	public RemoteCommandRequest {
		arguments = List.copyOf(arguments);
	}

}
