package parc.agentlessadapter.discovery;

import java.net.InetAddress;
import java.util.List;

/**
 * What {@link AddressScanner} found at one address.
 *
 * @param address the address
 * @param echo whether it answered an ICMP echo
 * @param refused whether a TCP connect was refused: the host is there, the port closed
 * @param openPorts ports that accepted a connection, ascending
 * @param hostName its reverse DNS name, or null
 * @param sshBanner the first line its SSH server sent, or null
 * @param mac its MAC from the neighbour table, upper case with colons, or null
 */
public record AddressScan(InetAddress address, boolean echo, boolean refused, List<Integer> openPorts, String hostName,
		String sshBanner, String mac) {

	public AddressScan {
		openPorts = List.copyOf(openPorts);
	}

	/** Whether anything answered. */
	public boolean answered() {
		return this.echo || this.refused || !this.openPorts.isEmpty();
	}

}
