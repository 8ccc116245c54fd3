package parc.orchestrator.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How nodes tell each other they are alive ({@code parc.cluster.*}).
 *
 * @param heartbeatEvery how often each node writes its heartbeat (default 5 s)
 * @param missingAfter how long without a heartbeat before the other nodes call a node
 * missing and take over its work (default 30 s); several heartbeats, so that a long
 * garbage collection or a slow database minute does not count as a death
 */
@ConfigurationProperties("parc.cluster")
public record ClusterProperties(Duration heartbeatEvery, Duration missingAfter) {

	public ClusterProperties {
		heartbeatEvery = (heartbeatEvery != null) ? heartbeatEvery : Duration.ofSeconds(5);
		missingAfter = (missingAfter != null) ? missingAfter : Duration.ofSeconds(30);
		if (heartbeatEvery.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException(
					"parc.cluster.heartbeat-every must be at least 100 ms: " + heartbeatEvery);
		}
		if (missingAfter.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("parc.cluster.missing-after (" + missingAfter
					+ ") must be at least two heartbeats (parc.cluster.heartbeat-every " + heartbeatEvery + ")");
		}
	}

}
