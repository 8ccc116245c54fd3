package parc.orchestrator.discovery;

import java.time.Instant;
import java.util.List;

/**
 * A device found on a network.
 *
 * @param id its id
 * @param networkId the network it was found on, null for a scanned address on no known
 * network
 * @param address its IP address
 * @param mac its MAC, when found
 * @param hostName its reverse DNS name, or the name an agent reported
 * @param deviceClass how it looks from the network
 * @param openPorts TCP ports that answered
 * @param sshBanner the first line of its SSH server
 * @param state where it stands
 * @param deviceTypeId what an admin said it is
 * @param description an admin's description
 * @param machineId the registry's machine it is, when known
 * @param source what last reported it
 * @param reportedBy the OCS agent that reported it (IPDISCOVER)
 * @param firstSeen when first found
 * @param lastSeen when last found
 * @param missedSweeps sweeps of its network it did not answer since it last did
 */
public record Device(long id, Long networkId, String address, String mac, String hostName, DeviceClass deviceClass,
		List<Integer> openPorts, String sshBanner, DeviceState state, Long deviceTypeId, String description,
		Long machineId, DeviceSource source, String reportedBy, Instant firstSeen, Instant lastSeen, int missedSweeps) {

}
