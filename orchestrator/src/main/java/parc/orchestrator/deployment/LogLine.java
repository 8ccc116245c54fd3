package parc.orchestrator.deployment;

import java.time.Instant;

/**
 * One line of a machine's deployment log. The JSON names are part of {@code GET
 * /api/deployments/{id}/targets/{machineId}/log}.
 *
 * @param at when
 * @param phase the phase it belongs to, or null
 * @param kind a command Parc ran, its stdout or stderr, or Parc's own information or
 * error
 * @param text the line
 */
public record LogLine(Instant at, DeploymentPhase phase, Kind kind, String text) {

	/** What a log line is. */
	public enum Kind {

		COMMAND, OUT, ERR, INFO, ERROR

	}

}
