package parc.orchestrator.agentless;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.agentless.*}: the size of the pool that works on agentless machines.
 *
 * @param threads machines worked on at once (default 8)
 * @param queue requests that may wait for a thread (default 1000)
 */
@ConfigurationProperties("parc.agentless")
public record AgentlessProperties(Integer threads, Integer queue) {

	public AgentlessProperties {
		threads = (threads != null) ? threads : 8;
		queue = (queue != null) ? queue : 1000;
	}

}
