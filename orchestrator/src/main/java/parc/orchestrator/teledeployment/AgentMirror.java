package parc.orchestrator.teledeployment;

import java.time.Instant;

/**
 * A place agents of one network fetch a package from instead of the built-in server
 * (ocsreports' "activation" with other locations). The JSON names are a public contract
 * of {@code /api/packages/{id}/mirrors}.
 *
 * @param id identifier
 * @param packageId the package
 * @param infoLocation {@code host[:port][/path]}, no scheme: agents fetch
 * {@code https://<infoLocation>/<id>/info}
 * @param fragmentsLocation {@code host[:port][/path]}, no scheme: fragments come over
 * HTTP from there
 * @param network the machines it serves by address: an address or CIDR block, or null
 * @param tag the machines it serves by tag, or null
 * @param usable whether Parc found every file of every build there, byte for byte
 * @param problem which file failed and why, when not usable
 * @param checkedAt when Parc last checked
 * @param createdAt when it was added
 */
public record AgentMirror(long id, long packageId, String infoLocation, String fragmentsLocation, String network,
		String tag, boolean usable, String problem, Instant checkedAt, Instant createdAt) {

}
