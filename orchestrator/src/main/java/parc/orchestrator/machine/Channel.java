package parc.orchestrator.machine;

/** How Parc reaches a machine. */
public enum Channel {

	/**
	 * Parc connects to the machine over SSH and drives every step itself (Pulse 2 model).
	 */
	AGENTLESS_SSH,

	/**
	 * An OCS Inventory NG agent on the machine polls Parc over HTTP (OCS model); Parc
	 * never connects to it.
	 */
	OCS_AGENT

}
