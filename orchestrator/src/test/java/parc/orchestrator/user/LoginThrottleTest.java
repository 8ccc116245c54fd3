package parc.orchestrator.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresBackedTest
class LoginThrottleTest {

	/** A clock the test moves by hand. */
	static final class ManualClock extends Clock {

		private Instant now = Instant.parse("2026-11-23T12:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/** Small, so that the clean-up is reached quickly. */
	private static final int MAX_TRACKED = 50;

	@Autowired
	JdbcClient jdbc;

	private final ManualClock clock = new ManualClock();

	private LoginThrottle throttle;

	@BeforeEach
	void emptyTable() {
		this.jdbc.sql("delete from login_failure").update();
		this.throttle = new LoginThrottle(new LoginProperties(3, Duration.ofMinutes(5)), this.jdbc, this.clock,
				MAX_TRACKED);
	}

	@Test
	void shouldCountTheFailuresOfEveryNodeTogether() {
		LoginThrottle otherNode = new LoginThrottle(new LoginProperties(3, Duration.ofMinutes(5)), this.jdbc,
				this.clock);
		this.throttle.failed("alice");
		otherNode.failed("alice");
		this.throttle.failed("alice");

		assertThat(otherNode.isLocked("alice")).as("three tries across two nodes lock on both").isTrue();
		assertThat(this.throttle.isLocked("alice")).isTrue();
	}

	@Test
	void shouldLockAfterConsecutiveFailuresWhateverTheCase() {
		this.throttle.failed("alice");
		this.throttle.failed("Alice");
		assertThat(this.throttle.isLocked("alice")).isFalse();

		this.throttle.failed("ALICE");

		assertThat(this.throttle.isLocked("alice")).isTrue();
		assertThat(this.throttle.isLocked("bob")).isFalse();
	}

	@Test
	void shouldUnlockWhenTheLockEndsAndCountAfresh() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("alice");
		}
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.throttle.isLocked("alice")).isFalse();
		this.throttle.failed("alice");
		assertThat(this.throttle.isLocked("alice")).as("one failure after the lock is not three").isFalse();
	}

	@Test
	void shouldForgetFailuresOnSuccess() {
		this.throttle.failed("alice");
		this.throttle.failed("alice");
		this.throttle.succeeded("alice");
		this.throttle.failed("alice");
		this.throttle.failed("alice");

		assertThat(this.throttle.isLocked("alice")).isFalse();
	}

	@Test
	void shouldNeverLockWhenTurnedOff() {
		LoginThrottle off = new LoginThrottle(new LoginProperties(0, Duration.ofMinutes(5)), this.jdbc, this.clock);
		for (int i = 0; i < 50; i++) {
			off.failed("alice");
		}

		assertThat(off.isLocked("alice")).isFalse();
	}

	@Test
	void shouldStayBoundedWhenGuessersInventNames() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("admin");
		}
		for (int i = 0; i < MAX_TRACKED + 500; i++) {
			this.throttle.failed("nobody-" + i);
		}

		assertThat(this.throttle.tracked()).isLessThanOrEqualTo(MAX_TRACKED);
		assertThat(this.throttle.isLocked("admin")).as("a running lock survives the clean-up").isTrue();
	}

	@Test
	void shouldForgetEndedLocksWhenCleaningUp() {
		for (int i = 0; i < MAX_TRACKED; i++) {
			for (int attempt = 0; attempt < 3; attempt++) {
				this.throttle.failed("locked-" + i);
			}
		}
		this.clock.advance(Duration.ofMinutes(6));

		this.throttle.failed("newcomer");

		assertThat(this.throttle.tracked()).isEqualTo(1);
	}

}
