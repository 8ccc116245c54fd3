package parc.orchestrator.deployment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When a phase's next attempt may run, and what follows an attempt's outcome: the
 * deployment's start and end dates, windows, attempts and delay between attempts, decided
 * in one place. Processes only carry the answer (a timer's date, which way to go).
 * Stateless.
 */
public final class PhaseAttemptPolicy {

	private PhaseAttemptPolicy() {
	}

	/**
	 * The next attempt: not before the start date nor {@code notBefore} (the retry
	 * delay), moved into the next deployment window.
	 * @param notBefore the earliest instant set by the previous outcome, or null
	 */
	public static AttemptPlan plan(DeploymentOptions options, ZoneId zone, Instant now, Instant notBefore) {
		Instant earliest = now;
		if (options.startAt() != null && options.startAt().isAfter(earliest)) {
			earliest = options.startAt();
		}
		if (notBefore != null && notBefore.isAfter(earliest)) {
			earliest = notBefore;
		}
		Instant at = options.windows().nextOpening(earliest.atZone(zone)).toInstant();
		boolean pastEnd = options.endAt() != null && !at.isBefore(options.endAt());
		return new AttemptPlan(at, !at.isAfter(now), pastEnd);
	}

	/**
	 * When an attempt starting now must stop: the window's end or the end date, whichever
	 * comes first; null when neither.
	 */
	public static Instant deadline(DeploymentOptions options, ZoneId zone, Instant now) {
		Instant deadline = options.windows().closingOf(now.atZone(zone)).map((at) -> at.toInstant()).orElse(null);
		if (options.endAt() != null && (deadline == null || options.endAt().isBefore(deadline))) {
			deadline = options.endAt();
		}
		return deadline;
	}

	/**
	 * What follows an attempt.
	 * @param attempt the attempt that ended, from 1
	 * @param attempts how many attempts the phase gets
	 * @param bestEffort whether failing the phase for good leaves the machine's
	 * deployment going on (Wake-on-LAN)
	 */
	public static AttemptDecision decide(PhaseOutcome outcome, int attempt, int attempts, boolean bestEffort,
			Duration delay, Instant now) {
		return switch (outcome) {
			case DONE -> new AttemptDecision(Next.DONE, attempt, null, null);
			// Not an attempt's end: the work looks again later, the attempt goes on.
			case WAITING -> new AttemptDecision(Next.WAIT, attempt, null, null);
			// Already shown stopped by whoever withdrew it: the machine's process ends.
			case WITHDRAWN -> new AttemptDecision(Next.WITHDRAWN, attempt, null, null);
			// The window closed on the work, or Parc stopped under it: not a failed
			// attempt, the same one runs again when the window allows.
			case CUT, INTERRUPTED -> new AttemptDecision(Next.RETRY, attempt, now, RescheduleReason.OUTSIDE_WINDOW);
			case UNREACHABLE, FAILED -> {
				if (attempt < attempts) {
					yield new AttemptDecision(Next.RETRY, attempt + 1, now.plus(delay),
							(outcome == PhaseOutcome.UNREACHABLE) ? RescheduleReason.UNREACHABLE
									: RescheduleReason.PHASE_FAILED);
				}
				yield new AttemptDecision(bestEffort ? Next.GIVEN_UP : Next.FAILED, attempt, null, null);
			}
		};
	}

	/**
	 * @param at when the attempt may run
	 * @param dueNow whether that is now: no timer needed
	 * @param pastEnd whether the end date comes first: the machine fails
	 */
	public record AttemptPlan(Instant at, boolean dueNow, boolean pastEnd) {
	}

	/**
	 * @param next which way the phase goes
	 * @param attempt the number of the next attempt on {@link Next#RETRY}, else of the
	 * one that ended
	 * @param notBefore on {@link Next#RETRY}, the earliest instant of the next attempt
	 * @param reason on {@link Next#RETRY}, why the machine waits
	 */
	public record AttemptDecision(Next next, int attempt, Instant notBefore, RescheduleReason reason) {
	}

	/** Which way a phase goes after an attempt. */
	public enum Next {

		/** The phase is done: the machine goes on. */
		DONE,

		/** The work looks again later, within the same attempt. */
		WAIT,

		/** Another attempt, after {@link AttemptDecision#notBefore()}. */
		RETRY,

		/** No attempt left: the machine's deployment fails during this phase. */
		FAILED,

		/** No attempt left on a best-effort phase: the deployment goes on without it. */
		GIVEN_UP,

		/** The work was withdrawn (the deployment was stopped): the machine ends here. */
		WITHDRAWN

	}

}
