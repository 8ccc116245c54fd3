package parc.orchestrator.teledeployment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The pace of the agents' download workers, sent in each PROLOG's {@code CONF} parameter
 * (protocol §2.4). The JSON names are a public contract of
 * {@code GET/PUT /api/settings/agent-downloads}. The defaults are ocsreports'.
 *
 * @param enabled whether packages are offered at all
 * @param fragLatency seconds between two fragments
 * @param cycleLatency seconds between two cycles
 * @param periodLatency seconds between two periods
 * @param periodLength cycles per period
 * @param timeoutDays a package still unfinished on the agent after this many days fails
 * there with ERR_TIMEOUT
 * @param executionTimeoutMinutes Windows agents stop a command after this long
 */
public record AgentDownloadSettings(boolean enabled, @Min(0) @Max(3600) int fragLatency,
		@Min(0) @Max(3600) int cycleLatency, @Min(0) @Max(3600) int periodLatency, @Min(1) @Max(100) int periodLength,
		@Min(1) @Max(365) int timeoutDays, @Min(1) @Max(1440) int executionTimeoutMinutes) {

	public static AgentDownloadSettings defaults() {
		return new AgentDownloadSettings(true, 10, 60, 1, 10, 30, 120);
	}

}
