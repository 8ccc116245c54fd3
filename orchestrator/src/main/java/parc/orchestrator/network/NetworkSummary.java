package parc.orchestrator.network;

/**
 * A network with what it holds, for lists.
 *
 * @param network the network
 * @param machines machines whose inventory puts them on it
 */
public record NetworkSummary(Network network, long machines) {

}
