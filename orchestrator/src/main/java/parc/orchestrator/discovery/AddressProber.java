package parc.orchestrator.discovery;

import java.net.InetAddress;

/**
 * Probes one address from this server: ICMP echo, TCP connects, reverse DNS, SSH banner,
 * neighbour table. Implemented next to the SSH client, the other code that reaches
 * machines without an agent.
 */
public interface AddressProber {

	/**
	 * Blocks for about {@link ProbeSettings#timeout()} when nothing answers, a little
	 * more for the names and banner of one that does.
	 */
	ProbeReport probe(InetAddress address, ProbeSettings settings);

}
