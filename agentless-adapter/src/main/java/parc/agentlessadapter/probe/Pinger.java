package parc.agentlessadapter.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/** Whether a host answers at the network level, within a time limit. */
@FunctionalInterface
public interface Pinger {

	/**
	 * @return whether the host answered within the timeout
	 * @throws IOException when the probe itself cannot be made (no route, no permission)
	 */
	boolean answers(InetAddress address, Duration timeout) throws IOException;

	/**
	 * The JDK's probe: an ICMP echo when the process may send one (root, or
	 * {@code CAP_NET_RAW}), else a TCP connection to the echo port (7), which counts as
	 * an answer even when refused.
	 */
	static Pinger icmpOrTcpEcho() {
		return (address, timeout) -> address.isReachable((int) Math.max(1, timeout.toMillis()));
	}

}
