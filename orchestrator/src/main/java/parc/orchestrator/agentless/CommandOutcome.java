package parc.orchestrator.agentless;

import java.util.List;

/**
 * How a remote command ended.
 *
 * @param exitCode its exit status, null when killed
 * @param timedOut whether it was killed at its time limit
 * @param durationMs how long it ran
 * @param lines the kept lines, in order (head then tail)
 * @param droppedLines lines dropped between head and tail to respect the cap
 */
public record CommandOutcome(Integer exitCode, boolean timedOut, long durationMs, List<CommandLine> lines,
		long droppedLines) {

	public CommandOutcome {
		lines = List.copyOf(lines);
	}

}
