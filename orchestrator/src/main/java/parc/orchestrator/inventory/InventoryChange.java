package parc.orchestrator.inventory;

import java.time.Instant;

/**
 * One difference between an inventory and the one before it.
 *
 * @param changedAt when the newer inventory arrived
 * @param category what area changed
 * @param kind added, removed or changed
 * @param item what changed: a software name, a field ({@code hardware.memory}), or a
 * device or interface label
 * @param oldValue the value before; null for an addition
 * @param newValue the value after; null for a removal
 */
public record InventoryChange(Instant changedAt, Category category, Kind kind, String item, String oldValue,
		String newValue) {

	/** The areas a history entry belongs to, as the console groups them. */
	public enum Category {

		SOFTWARE, HARDWARE, NETWORK, STORAGE, DEVICES, ACCOUNTS, OTHER

	}

	/** How an item changed. */
	public enum Kind {

		ADDED, REMOVED, CHANGED

	}

}
