package parc.orchestrator.inventory;

/** Where an inventory came from. */
public enum InventorySource {

	/** Sent by an OCS agent to {@code /ocsinventory}. */
	OCS_AGENT,

	/** Collected by Parc over SSH. */
	AGENTLESS_SSH,

	/** Uploaded or dropped as an {@code .ocs} or {@code .xml} file. */
	IMPORT

}
