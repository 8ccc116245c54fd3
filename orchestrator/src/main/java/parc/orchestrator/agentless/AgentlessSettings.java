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
 * @param filePullFolder where diagnostic files are pulled from when a machine names no
 * folder of its own (absolute, or relative to the login's home)
 * @param filePullMaxBytes a larger diagnostic file is refused
 */
public record AgentlessSettings(@NotNull HostKeyTrust hostKeyTrust,
		@NotBlank @Size(max = 253) String wakeBroadcastAddress, @Min(1) @Max(65535) int wakePort,
		@Min(1) @Max(10) int wakeRepeats, @Min(100) @Max(60000) int probeTimeoutMillis,
		@Min(10) @Max(3600) int inventoryTimeLimitSeconds, @NotBlank @Size(max = 1024) String filePullFolder,
		@Min(1) @Max(4L * 1024 * 1024 * 1024) long filePullMaxBytes) {

	/** Pulse 2's tele-diagnostic folder, under the login's home. */
	public static final String DEFAULT_PULL_FOLDER = "parc-diagnostics";

	/** 100 MiB. */
	public static final long DEFAULT_PULL_MAX_BYTES = 100L * 1024 * 1024;

	/** Settings stored before the file-pull fields existed read with their defaults. */
	public AgentlessSettings {
		if (filePullFolder == null) {
			filePullFolder = DEFAULT_PULL_FOLDER;
		}
		if (filePullMaxBytes == 0) {
			filePullMaxBytes = DEFAULT_PULL_MAX_BYTES;
		}
	}

	public static AgentlessSettings defaults() {
		return new AgentlessSettings(HostKeyTrust.TRUST_ON_FIRST_USE, "255.255.255.255", 9, 3, 2000, 300,
				DEFAULT_PULL_FOLDER, DEFAULT_PULL_MAX_BYTES);
	}

}
