package parc.orchestrator.network;

/**
 * A machine on a network, as its inventory says.
 *
 * @param machineId the machine
 * @param name its name
 * @param addresses its addresses on the network, comma separated
 */
public record PlacedMachine(long machineId, String name, String addresses) {

}
