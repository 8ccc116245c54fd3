package parc.orchestrator.inventory;

import java.util.List;

/**
 * What storing an inventory did.
 *
 * @param machineId the machine it was filed under
 * @param outcome whether it was a machine's first inventory, a changed one, or a repeat
 * @param machineCreated whether the machine was added to the registry by this inventory
 * @param changes how many history entries it recorded
 * @param accountUpdate the complete administrative set the agent must take, or null when
 * its own already matches Parc's
 */
public record InventoryStored(long machineId, Outcome outcome, boolean machineCreated, int changes,
		List<AccountValue> accountUpdate) {

	/** How an inventory relates to what Parc held before. */
	public enum Outcome {

		/** The machine's first inventory. */
		FIRST,

		/** Something differs from the previous inventory. */
		UPDATED,

		/**
		 * Byte for byte the same document as the latest one: only the contact time moved.
		 */
		UNCHANGED

	}

}
