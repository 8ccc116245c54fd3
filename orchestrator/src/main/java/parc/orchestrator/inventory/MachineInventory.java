package parc.orchestrator.inventory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A machine's latest inventory as {@code GET /api/machines/{id}/inventory} gives it:
 * where and when it came from, then the document's sections at the top level
 * ({@code software}, {@code networks}...). These JSON names are a public contract.
 *
 * @param machineId the machine
 * @param source the channel that sent it
 * @param deviceId the agent's DEVICEID, for agent inventories
 * @param agentVersion the agent's name and version
 * @param inventoriedAt when this inventory arrived
 * @param lastContactAt when the machine last reported, even without changes
 * @param inventoriesKept how many inventories Parc holds for the machine
 * @param document the inventory
 */
public record MachineInventory(long machineId, InventorySource source, String deviceId, String agentVersion,
		Instant inventoriedAt, Instant lastContactAt, int inventoriesKept, @JsonUnwrapped InventoryDocument document) {

}
