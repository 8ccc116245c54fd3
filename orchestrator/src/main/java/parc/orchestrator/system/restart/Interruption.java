package parc.orchestrator.system.restart;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The restart that cut work short, and the words every failed record gets.
 *
 * @param restartedAt when this process found the work left running
 */
public record Interruption(Instant restartedAt) {

	/** "interrupted by a restart at 2026-12-05T23:54:22Z" */
	public String reason() {
		return "interrupted by a restart at " + this.restartedAt.truncatedTo(ChronoUnit.SECONDS);
	}

}
