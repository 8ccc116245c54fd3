package parc.orchestrator.agentless;

import java.util.List;

import parc.orchestrator.inventory.InventoryDocument;

/**
 * Port: the network work on agentless machines. Implemented in {@code routes} with the
 * SSH adapter and Camel; every method blocks its caller until the machine answered or the
 * configured time limits passed.
 */
public interface AgentlessGateway {

	/** Ping, then SSH banner. Never throws for an unreachable machine: that is red. */
	ProbeOutcome probe(String host, int sshPort);

	/**
	 * Collects an inventory over SSH, in Parc's inventory model.
	 * @throws RemoteAccessException when the machine cannot be reached or the collection
	 * fails
	 */
	InventoryDocument collectInventory(RemoteTarget target);

	/**
	 * Sends Wake-on-LAN magic packets for these MAC addresses.
	 * @throws RemoteAccessException at the CONNECT step when the packets cannot be sent
	 */
	void wake(List<String> macAddresses);

}
