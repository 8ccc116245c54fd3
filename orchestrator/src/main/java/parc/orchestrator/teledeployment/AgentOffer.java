package parc.orchestrator.teledeployment;

/**
 * A package an agent is told to fetch in this PROLOG.
 *
 * @param ocsId the id it knows the package by
 * @param force whether it runs the package even if its history holds it
 * @param infoLocation the mirror's {@code info} location, or null for the built-in server
 * @param fragmentsLocation the mirror's fragments location, or null for the built-in
 * server
 */
public record AgentOffer(long ocsId, boolean force, String infoLocation, String fragmentsLocation) {

	/** From the built-in server. */
	public AgentOffer(long ocsId, boolean force) {
		this(ocsId, force, null, null);
	}

}
