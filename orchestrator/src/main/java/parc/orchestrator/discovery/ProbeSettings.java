package parc.orchestrator.discovery;

import java.time.Duration;
import java.util.List;

/**
 * How one address is probed.
 *
 * @param tcpPorts ports a TCP connect is tried on
 * @param timeout how long an answer is waited for, per address
 * @param reverseDns whether an answering address's name is looked up in the DNS
 */
public record ProbeSettings(List<Integer> tcpPorts, Duration timeout, boolean reverseDns) {

	public ProbeSettings {
		tcpPorts = List.copyOf(tcpPorts);
	}

}
