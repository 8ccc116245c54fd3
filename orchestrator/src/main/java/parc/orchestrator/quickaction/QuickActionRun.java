package parc.orchestrator.quickaction;

import java.time.Instant;
import java.util.List;

/**
 * A quick action run on some machines. The JSON names are part of
 * {@code /api/quick-actions/runs}.
 *
 * @param id the run
 * @param actionId the predefined action, or null for a free command
 * @param label the action's label, or the free command itself
 * @param unixScript what ran on Unix machines
 * @param windowsScript what ran on Windows machines
 * @param arguments the values given
 * @param requestedBy who ran it
 * @param requestedAt when
 * @param results one per machine (empty in history lists)
 */
public record QuickActionRun(long id, String actionId, String label, String unixScript, String windowsScript,
		List<String> arguments, String requestedBy, Instant requestedAt, List<QuickActionResult> results) {

	public QuickActionRun {
		arguments = List.copyOf(arguments);
		results = List.copyOf(results);
	}

	/** Whether some machine is still working. */
	public boolean running() {
		return this.results.stream().anyMatch((result) -> result.state() == QuickActionResult.State.RUNNING);
	}

}
