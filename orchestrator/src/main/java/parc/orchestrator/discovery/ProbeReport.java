package parc.orchestrator.discovery;

import java.util.List;

/**
 * What probing one address found.
 *
 * @param address the address probed
 * @param echo whether it answered an ICMP echo
 * @param answered whether it answered at all (echo, an open port, or a refused connect)
 * @param openPorts the TCP ports that accepted a connection, ascending
 * @param hostName its reverse DNS name, or null
 * @param sshBanner the first line its SSH server sent, or null
 * @param mac its MAC from the kernel's neighbour table ({@code AA:BB:CC:DD:EE:FF}), or
 * null when it is not on a directly attached network
 */
public record ProbeReport(String address, boolean echo, boolean answered, List<Integer> openPorts, String hostName,
		String sshBanner, String mac) {

	public ProbeReport {
		openPorts = List.copyOf(openPorts);
	}

	public static ProbeReport silent(String address) {
		return new ProbeReport(address, false, false, List.of(), null, null, null);
	}

}
