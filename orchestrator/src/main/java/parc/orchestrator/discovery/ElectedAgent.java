package parc.orchestrator.discovery;

import java.time.Instant;

/**
 * An OCS agent elected to scan a network.
 *
 * @param machineId its machine
 * @param machineName its machine's name
 * @param deviceId its DEVICEID
 * @param electedAt since when
 * @param lastScanAt when it last reported a scan, null before the first
 */
public record ElectedAgent(long machineId, String machineName, String deviceId, Instant electedAt, Instant lastScanAt) {

}
