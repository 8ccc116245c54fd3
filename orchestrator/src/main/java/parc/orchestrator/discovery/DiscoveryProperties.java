package parc.orchestrator.discovery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.discovery.*}.
 *
 * @param concurrency addresses probed at once by one sweep (256: a silent address costs
 * the probe time limit, so a /22 takes four of them)
 * @param delayBetweenProbes the pause between starting two probes (1 ms)
 * @param probeTimeout how long one address is waited for (1 s)
 * @param tcpPorts ports a TCP connect is tried on (22, 80, 135, 139, 443, 445, 3389,
 * 9100)
 * @param absentAfter sweeps in a row a device must miss to be marked absent (3)
 * @param largestUnconfirmedPrefix the shortest prefix swept without the admin's
 * confirmation (16: 65,536 addresses)
 * @param reverseDns whether answering addresses' names are looked up (true)
 * @param ipdiscoverAgents OCS agents elected per network to scan it (2; 0 turns IP
 * discovery by agents off)
 * @param ipdiscoverMaxAliveDays an agent is elected, and stays elected, only while it
 * contacted Parc within this many days (14)
 * @param ipdiscoverLatencyMs the pause between two of an elected agent's ARP probes (100)
 */
@ConfigurationProperties("parc.discovery")
public record DiscoveryProperties(Integer concurrency, Duration delayBetweenProbes, Duration probeTimeout,
		List<Integer> tcpPorts, Integer absentAfter, Integer largestUnconfirmedPrefix, Boolean reverseDns,
		Integer ipdiscoverAgents, Integer ipdiscoverMaxAliveDays, Integer ipdiscoverLatencyMs) {

	public DiscoveryProperties {
		concurrency = (concurrency != null) ? concurrency : 256;
		if (concurrency < 1 || concurrency > 1024) {
			throw new IllegalArgumentException("parc.discovery.concurrency must be 1 to 1024, not " + concurrency);
		}
		delayBetweenProbes = (delayBetweenProbes != null) ? delayBetweenProbes : Duration.ofMillis(1);
		probeTimeout = (probeTimeout != null) ? probeTimeout : Duration.ofSeconds(1);
		tcpPorts = (tcpPorts != null && !tcpPorts.isEmpty()) ? List.copyOf(tcpPorts)
				: List.of(22, 80, 135, 139, 443, 445, 3389, 9100);
		for (int port : tcpPorts) {
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("parc.discovery.tcp-ports: " + port + " is not a TCP port");
			}
		}
		absentAfter = (absentAfter != null) ? absentAfter : 3;
		if (absentAfter < 1) {
			throw new IllegalArgumentException("parc.discovery.absent-after must be at least 1, not " + absentAfter);
		}
		largestUnconfirmedPrefix = (largestUnconfirmedPrefix != null) ? largestUnconfirmedPrefix : 16;
		reverseDns = (reverseDns == null) || reverseDns;
		ipdiscoverAgents = (ipdiscoverAgents != null) ? ipdiscoverAgents : 2;
		ipdiscoverMaxAliveDays = (ipdiscoverMaxAliveDays != null) ? ipdiscoverMaxAliveDays : 14;
		ipdiscoverLatencyMs = (ipdiscoverLatencyMs != null) ? ipdiscoverLatencyMs : 100;
		if (ipdiscoverAgents < 0 || ipdiscoverMaxAliveDays < 1 || ipdiscoverLatencyMs < 1) {
			throw new IllegalArgumentException("parc.discovery.ipdiscover-agents must be 0 or more, "
					+ "ipdiscover-max-alive-days and ipdiscover-latency-ms 1 or more");
		}
	}

	ProbeSettings probeSettings() {
		return new ProbeSettings(this.tcpPorts, this.probeTimeout, this.reverseDns);
	}

}
