package parc.orchestrator.agent;

/**
 * The answer to an agent's PROLOG (protocol §2.2).
 *
 * @param sendInventory whether the agent should send an inventory now
 * @param prologFrequencyHours when it should come back, in hours
 */
public record PrologDecision(boolean sendInventory, int prologFrequencyHours) {

}
