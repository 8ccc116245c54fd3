package parc.orchestrator.deployment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import parc.orchestrator.deployment.PhaseAttemptPolicy.AttemptDecision;
import parc.orchestrator.deployment.PhaseAttemptPolicy.AttemptPlan;
import parc.orchestrator.deployment.PhaseAttemptPolicy.Next;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseAttemptPolicyTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final Instant NOON = Instant.parse("2026-12-04T11:00:00Z");

	static final Duration HOUR = Duration.ofHours(1);

	@Test
	void shouldRunAtOnceWhenNothingHoldsItBack() {
		AttemptPlan plan = PhaseAttemptPolicy.plan(DeploymentOptions.defaults(), PARIS, NOON, null);

		assertThat(plan).isEqualTo(new AttemptPlan(NOON, true, false));
	}

	@Test
	void shouldWaitForTheStartDateTheRetryDelayAndTheWindow() {
		Instant start = NOON.plus(HOUR);
		assertThat(PhaseAttemptPolicy.plan(options(start, null, null), PARIS, NOON, null))
			.isEqualTo(new AttemptPlan(start, false, false));
		assertThat(PhaseAttemptPolicy.plan(options(start, null, null), PARIS, NOON, start.plus(HOUR)))
			.isEqualTo(new AttemptPlan(start.plus(HOUR), false, false));
		// Noon in Paris; the window opens at 18:00 Paris time.
		assertThat(PhaseAttemptPolicy.plan(options(null, null, "18:00-20:00"), PARIS, NOON, null))
			.isEqualTo(new AttemptPlan(Instant.parse("2026-12-04T17:00:00Z"), false, false));
	}

	@Test
	void shouldSayWhenTheEndDateComesFirst() {
		AttemptPlan plan = PhaseAttemptPolicy.plan(options(null, NOON.plus(HOUR), "18:00-20:00"), PARIS, NOON, null);

		assertThat(plan.pastEnd()).isTrue();
	}

	@Test
	void shouldRetryAFailureAfterTheDelayWhileAttemptsRemain() {
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.FAILED, 1, 3, false, HOUR, NOON))
			.isEqualTo(new AttemptDecision(Next.RETRY, 2, NOON.plus(HOUR), RescheduleReason.PHASE_FAILED));
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.UNREACHABLE, 2, 3, false, HOUR, NOON))
			.isEqualTo(new AttemptDecision(Next.RETRY, 3, NOON.plus(HOUR), RescheduleReason.UNREACHABLE));
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.FAILED, 3, 3, false, HOUR, NOON).next())
			.isEqualTo(Next.FAILED);
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.UNREACHABLE, 1, 1, true, HOUR, NOON).next())
			.isEqualTo(Next.GIVEN_UP);
	}

	@Test
	void shouldRunACutOrInterruptedAttemptAgainWithoutCountingIt() {
		for (PhaseOutcome outcome : new PhaseOutcome[] { PhaseOutcome.CUT, PhaseOutcome.INTERRUPTED }) {
			assertThat(PhaseAttemptPolicy.decide(outcome, 3, 3, false, HOUR, NOON))
				.isEqualTo(new AttemptDecision(Next.RETRY, 3, NOON, RescheduleReason.OUTSIDE_WINDOW));
		}
	}

	@Test
	void shouldEndOnDoneOrWithdrawn() {
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.DONE, 2, 3, false, HOUR, NOON).next()).isEqualTo(Next.DONE);
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.WITHDRAWN, 1, 3, false, HOUR, NOON).next())
			.isEqualTo(Next.WITHDRAWN);
	}

	@Test
	void shouldWaitWithinTheSameAttemptWhileTheWorkGoesOnOutsideParc() {
		assertThat(PhaseAttemptPolicy.decide(PhaseOutcome.WAITING, 3, 3, false, HOUR, NOON))
			.isEqualTo(new AttemptDecision(Next.WAIT, 3, null, null));
	}

	@Test
	void shouldStopTheWorkAtTheWindowsEndOrTheEndDateWhicheverComesFirst() {
		// NOON is noon in Paris: its 12:00-14:00 window closes at 13:00 UTC.
		assertThat(PhaseAttemptPolicy.deadline(options(null, null, "12:00-14:00"), PARIS, NOON))
			.isEqualTo(Instant.parse("2026-12-04T13:00:00Z"));
		assertThat(PhaseAttemptPolicy.deadline(options(null, NOON.plus(HOUR), "12:00-14:00"), PARIS, NOON))
			.isEqualTo(NOON.plus(HOUR));
		assertThat(PhaseAttemptPolicy.deadline(DeploymentOptions.defaults(), PARIS, NOON)).isNull();
	}

	private static DeploymentOptions options(Instant startAt, Instant endAt, String intervals) {
		return DeploymentOptions.builder().startAt(startAt).endAt(endAt).intervals(intervals).build();
	}

}
