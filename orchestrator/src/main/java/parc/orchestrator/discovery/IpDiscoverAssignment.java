package parc.orchestrator.discovery;

/**
 * What an elected OCS agent is told in its PROLOG (protocol §2.5).
 *
 * @param networkId the network it scans
 * @param subnet the network's address, without prefix ({@code 198.51.100.0})
 * @param latencyMs the pause between two ARP probes
 */
public record IpDiscoverAssignment(long networkId, String subnet, int latencyMs) {

}
