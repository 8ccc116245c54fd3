package parc.orchestrator.teledeployment;

/**
 * A package an agent is told to fetch in this PROLOG.
 *
 * @param ocsId the id it knows the package by
 * @param force whether it runs the package even if its history holds it
 */
public record AgentOffer(long ocsId, boolean force) {

}
