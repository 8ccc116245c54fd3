package parc.orchestrator.deployment;

import java.time.Instant;

/**
 * How a phase task's work ended, as the worker reports it.
 *
 * @param outcome how it ended
 * @param detail what to tell the administrator (an error), or null
 * @param checkAt on {@link PhaseOutcome#WAITING}: when the work looks again
 * @param wakeUntil on {@link PhaseOutcome#WAITING} after Wake-on-LAN: until when the
 * machine gets to answer
 */
public record PhaseResult(PhaseOutcome outcome, String detail, Instant checkAt, Instant wakeUntil) {

	public PhaseResult {
		if (outcome == null) {
			throw new IllegalArgumentException("A phase result needs an outcome");
		}
		if ((outcome == PhaseOutcome.WAITING) != (checkAt != null)) {
			throw new IllegalArgumentException("A WAITING result, and only it, says when to look again");
		}
	}

	public static PhaseResult done() {
		return new PhaseResult(PhaseOutcome.DONE, null, null, null);
	}

	public static PhaseResult of(PhaseOutcome outcome, String detail) {
		return new PhaseResult(outcome, detail, null, null);
	}

	/** The machine was woken: look again at {@code checkAt}, give up at {@code until}. */
	public static PhaseResult wakeWaiting(Instant checkAt, Instant until) {
		return new PhaseResult(PhaseOutcome.WAITING, "woken: it has until " + until + " to answer over SSH", checkAt,
				until);
	}

}
