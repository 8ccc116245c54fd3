package parc.ocsagent;

/**
 * A decoded request and the framing its reply must use.
 *
 * @param format how the agent framed the body
 * @param request what it asked
 */
public record ReceivedRequest(BodyFormat format, OcsRequest request) {

}
