package parc.routes.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the agent endpoint ({@code parc.agent.*}).
 *
 * @param maxRequestBytes the largest request body read off the wire (compressed); larger
 * ones get 413 before they are read
 * @param maxInflatedBytes the largest XML document once inflated; a deflate bomb stops
 * here
 * @param maxXmlElements the most elements one document may hold
 * @param acceptUncompressed whether plain-XML bodies are accepted (OCS's
 * {@code OCS_OPT_COMPRESS_TRY_OTHERS}); off, as the Debian agent always compresses
 * @param threads how many agent requests are worked on at once (16)
 * @param queue how many more may wait for a thread (2000); beyond, agents get an error
 * and retry at their next cycle
 */
@ConfigurationProperties("parc.agent")
public record AgentEndpointProperties(Long maxRequestBytes, Long maxInflatedBytes, Integer maxXmlElements,
		boolean acceptUncompressed, Integer threads, Integer queue) {

	public AgentEndpointProperties {
		maxRequestBytes = (maxRequestBytes != null) ? maxRequestBytes : 8L * 1024 * 1024;
		maxInflatedBytes = (maxInflatedBytes != null) ? maxInflatedBytes : 32L * 1024 * 1024;
		maxXmlElements = (maxXmlElements != null) ? maxXmlElements : 1_000_000;
		threads = (threads != null) ? threads : 16;
		queue = (queue != null) ? queue : 2000;
	}

}
