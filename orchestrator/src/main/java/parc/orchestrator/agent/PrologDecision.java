package parc.orchestrator.agent;

import parc.orchestrator.discovery.IpDiscoverAssignment;
import parc.orchestrator.teledeployment.PrologOffers;

/**
 * The answer to an agent's PROLOG (protocol §2.2).
 *
 * @param sendInventory whether the agent should send an inventory now
 * @param prologFrequencyHours when it should come back, in hours
 * @param download the packages to offer and the download settings, or null to say nothing
 * of deployment
 * @param ipDiscover the subnet the agent is elected to scan, or null
 */
public record PrologDecision(boolean sendInventory, int prologFrequencyHours, PrologOffers download,
		IpDiscoverAssignment ipDiscover) {

	public PrologDecision(boolean sendInventory, int prologFrequencyHours) {
		this(sendInventory, prologFrequencyHours, null, null);
	}

}
