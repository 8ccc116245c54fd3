package parc.orchestrator.teledeployment;

import java.util.List;

/**
 * What a PROLOG reply says about deployment.
 *
 * @param settings the download workers' pace
 * @param offers the packages to fetch now, possibly none
 */
public record PrologOffers(AgentDownloadSettings settings, List<AgentOffer> offers) {

	public PrologOffers {
		offers = List.copyOf(offers);
	}

}
