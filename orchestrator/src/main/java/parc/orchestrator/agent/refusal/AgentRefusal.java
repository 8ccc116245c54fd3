package parc.orchestrator.agent.refusal;

import java.time.Instant;

/**
 * Requests from one source and agent that Parc refused for one reason.
 *
 * @param id row identifier
 * @param remoteAddress the address the requests came from
 * @param userAgent the User-Agent they carried, empty when none
 * @param status the HTTP status Parc answered (400, 401, 403, 413, 415)
 * @param reason the one-line reason sent to the agent
 * @param deviceId the DEVICEID the requests named, when Parc could read one
 * @param machineId the machine that DEVICEID or address belongs to, or null
 * @param machineName that machine's name, or null
 * @param firstAt the first refusal
 * @param lastAt the latest refusal
 * @param times how many requests were refused
 */
public record AgentRefusal(long id, String remoteAddress, String userAgent, int status, String reason, String deviceId,
		Long machineId, String machineName, Instant firstAt, Instant lastAt, long times) {

}
