package parc.orchestrator.agentless;

import java.time.Instant;

/**
 * A machine's last probe. The JSON names are a public contract of {@code POST
 * /api/machines/{id}/probe}.
 *
 * @param machineId the machine
 * @param light the status light
 * @param pinged whether it answered the ping (ICMP, or TCP echo where ICMP is not
 * permitted)
 * @param banner the SSH server's identification line, or null
 * @param detail why the light is not green, or null
 * @param durationMs how long the probe took
 * @param checkedAt when it ran
 */
public record ProbeStatus(long machineId, StatusLight light, boolean pinged, String banner, String detail,
		long durationMs, Instant checkedAt) {

}
