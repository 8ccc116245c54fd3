package parc.ui.agentless;

import java.time.Duration;
import java.time.Instant;

import parc.orchestrator.agentless.ProbeStatus;

/**
 * A status light as pages show it: colour, age in minutes, and why it is not green.
 *
 * @param light GREEN, ORANGE or RED
 * @param checkedAt when the probe ran
 * @param ageMinutes whole minutes since then
 * @param detail why not green, or null
 * @param banner the SSH banner, or null
 */
public record LightView(String light, Instant checkedAt, long ageMinutes, String detail, String banner) {

	public static LightView of(ProbeStatus status, Instant now) {
		return new LightView(status.light().name(), status.checkedAt(),
				Math.max(0, Duration.between(status.checkedAt(), now).toMinutes()), status.detail(), status.banner());
	}

	/** The Bootstrap colour of the light. */
	public String colour() {
		return switch (this.light) {
			case "GREEN" -> "success";
			case "ORANGE" -> "warning";
			default -> "danger";
		};
	}

}
