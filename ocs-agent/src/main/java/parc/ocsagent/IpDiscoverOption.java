package parc.ocsagent;

/**
 * The PROLOG option that has an agent scan its subnet (protocol §2.5).
 *
 * @param subnet the network address, dotted ({@code 198.51.100.0})
 * @param latencyMs the pause between two ARP probes, {@code IPDISC_LAT}
 */
public record IpDiscoverOption(String subnet, int latencyMs) {

	public IpDiscoverOption {
		if (subnet == null || !subnet.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			throw new IllegalArgumentException("An IPv4 subnet address, not " + subnet);
		}
		if (latencyMs < 1) {
			throw new IllegalArgumentException("A latency of 1 ms or more, not " + latencyMs);
		}
	}

}
