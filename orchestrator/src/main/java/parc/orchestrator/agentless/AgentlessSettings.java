package parc.orchestrator.agentless;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import parc.orchestrator.hostkey.HostKeyTrust;

/**
 * Administrators' settings for agentless work. The JSON names are a public contract of
 * {@code /api/settings/agentless}.
 *
 * @param hostKeyTrust trust a first-seen host key, or wait for approval
 * @param wakeBroadcastAddress where Wake-on-LAN packets go (a subnet's broadcast address)
 * @param wakePort their UDP port, 9 by default
 * @param wakeRepeats how many packets per MAC
 * @param probeTimeoutMillis bound of the ping and of the SSH banner wait, each
 * @param inventoryTimeLimitSeconds how long an agentless inventory may run
 */
public record AgentlessSettings(@NotNull HostKeyTrust hostKeyTrust,
		@NotBlank @Size(max = 253) String wakeBroadcastAddress, @Min(1) @Max(65535) int wakePort,
		@Min(1) @Max(10) int wakeRepeats, @Min(100) @Max(60000) int probeTimeoutMillis,
		@Min(10) @Max(3600) int inventoryTimeLimitSeconds) {

	public static AgentlessSettings defaults() {
		return new AgentlessSettings(HostKeyTrust.TRUST_ON_FIRST_USE, "255.255.255.255", 9, 3, 2000, 300);
	}

}
