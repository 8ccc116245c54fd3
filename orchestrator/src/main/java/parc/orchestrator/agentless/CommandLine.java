package parc.orchestrator.agentless;

import java.time.Instant;

/**
 * One line a remote command printed. The JSON names are part of
 * {@code /api/quick-actions/runs}.
 *
 * @param at when Parc received it
 * @param stream {@code OUT} or {@code ERR}
 * @param text the line
 */
public record CommandLine(Instant at, Stream stream, String text) {

	/** Which output the line came from. */
	public enum Stream {

		OUT, ERR

	}

}
