package parc.orchestrator.quickaction;

import java.time.Instant;
import java.util.List;

import parc.orchestrator.agentless.CommandLine;

/**
 * One machine's part of a run. The JSON names are part of
 * {@code /api/quick-actions/runs}.
 *
 * @param machineId the machine, or null when it was deleted since
 * @param machineName its name at the time
 * @param state running, done (whatever the exit code) or failed (not reached)
 * @param exitCode the command's exit status, null when killed or not run
 * @param timedOut killed at the time limit
 * @param lines the output kept, in order
 * @param droppedLines lines left out between the kept head and tail
 * @param startedAt when it started
 * @param finishedAt when it ended, or null
 * @param error why the machine was not reached, or null
 */
public record QuickActionResult(Long machineId, String machineName, State state, Integer exitCode, boolean timedOut,
		List<CommandLine> lines, long droppedLines, Instant startedAt, Instant finishedAt, String error) {

	/** Where one machine's part stands. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	/** Done with exit status 0. */
	public boolean succeeded() {
		return this.state == State.DONE && !this.timedOut && this.exitCode != null && this.exitCode == 0;
	}

}
