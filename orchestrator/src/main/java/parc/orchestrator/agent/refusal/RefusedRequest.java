package parc.orchestrator.agent.refusal;

/**
 * One request the agent endpoint refused, as it is reported for the list.
 *
 * @param remoteAddress where it came from
 * @param userAgent its User-Agent, or null
 * @param status the HTTP status answered
 * @param reason the one-line reason answered
 * @param deviceId the DEVICEID it named, when it could be read, or null
 */
public record RefusedRequest(String remoteAddress, String userAgent, int status, String reason, String deviceId) {

}
