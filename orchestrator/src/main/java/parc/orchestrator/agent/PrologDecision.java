package parc.orchestrator.agent;

import parc.orchestrator.teledeployment.PrologOffers;

/**
 * The answer to an agent's PROLOG (protocol §2.2).
 *
 * @param sendInventory whether the agent should send an inventory now
 * @param prologFrequencyHours when it should come back, in hours
 * @param download the packages to offer and the download settings, or null to say nothing
 * of deployment
 */
public record PrologDecision(boolean sendInventory, int prologFrequencyHours, PrologOffers download) {

	public PrologDecision(boolean sendInventory, int prologFrequencyHours) {
		this(sendInventory, prologFrequencyHours, null);
	}

}
