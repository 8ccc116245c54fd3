package parc.ocsagent;

/**
 * A request body with its framing removed.
 *
 * @param format the framing the agent used, to be mirrored in the reply
 * @param xml the inflated XML bytes, not yet parsed
 */
public record DecodedBody(BodyFormat format, byte[] xml) {

}
