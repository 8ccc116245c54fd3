package parc.orchestrator.inventory;

/**
 * An inventory arriving in Parc, before it is matched to a machine.
 *
 * @param source the channel that produced it
 * @param deviceId the OCS agent's DEVICEID; null for agentless collection
 * @param agentVersion the agent's name and version (its User-Agent), or null
 * @param document the inventory itself
 * @param previousDeviceId the DEVICEID the agent had before a reinstall
 * ({@code OLD_DEVICEID}), or null
 */
public record InventoryReport(InventorySource source, String deviceId, String agentVersion, InventoryDocument document,
		String previousDeviceId) {

	public InventoryReport(InventorySource source, String deviceId, String agentVersion, InventoryDocument document) {
		this(source, deviceId, agentVersion, document, null);
	}

}
