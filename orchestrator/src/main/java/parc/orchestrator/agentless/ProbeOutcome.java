package parc.orchestrator.agentless;

import java.time.Duration;

/**
 * What a probe found, before Parc files it.
 *
 * @param light the status light
 * @param pinged whether the ping was answered
 * @param banner SSH identification line, or null
 * @param detail why not green, or null
 * @param duration how long it took
 */
public record ProbeOutcome(StatusLight light, boolean pinged, String banner, String detail, Duration duration) {

}
