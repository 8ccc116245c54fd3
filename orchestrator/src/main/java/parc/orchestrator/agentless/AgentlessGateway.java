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
	 * Runs a command, giving each line to the listener as it arrives (from I/O threads:
	 * the listener must be thread-safe and quick).
	 * @throws RemoteAccessException when the machine cannot be reached or the command
	 * cannot start; a command that fails or times out is an outcome, not an exception
	 */
	CommandOutcome runCommand(RemoteTarget target, RemoteCommandRequest command,
			java.util.function.Consumer<CommandLine> listener);

	/**
	 * Fetches the first file, in name order, of a folder on the machine.
	 * @throws RemoteAccessException when there is none, it is above the cap, or the
	 * machine cannot be reached
	 */
	PulledFileOutcome pullFirstFile(RemoteTarget target, String folder, long maxBytes, java.nio.file.Path localFile);

	/**
	 * Sends Wake-on-LAN magic packets for these MAC addresses.
	 * @throws RemoteAccessException at the CONNECT step when the packets cannot be sent
	 */
	void wake(List<String> macAddresses);

}
