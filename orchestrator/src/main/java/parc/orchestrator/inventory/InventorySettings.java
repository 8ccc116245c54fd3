package parc.orchestrator.inventory;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How Parc keeps inventories.
 *
 * @param inventoriesKept how many inventories are kept per machine, the latest included
 * (1 to 100)
 * @param duplicateCriteria which facts recognise a known machine behind a new DEVICEID:
 * one chosen hardware fact agreeing and none disagreeing, or, when no hardware fact can
 * be compared, the host name (see {@code MachineIdentity}); none chosen means every new
 * DEVICEID is a new machine
 */
public record InventorySettings(@Min(1) @Max(100) int inventoriesKept,
		@NotNull Set<DuplicateCriterion> duplicateCriteria) {

	public static final int DEFAULT_INVENTORIES_KEPT = 5;

	public InventorySettings {
		duplicateCriteria = (duplicateCriteria == null || duplicateCriteria.isEmpty()) ? Set.of()
				: Set.copyOf(EnumSet.copyOf(duplicateCriteria));
	}

	public static InventorySettings defaults() {
		return new InventorySettings(DEFAULT_INVENTORIES_KEPT,
				EnumSet.of(DuplicateCriterion.HOSTNAME, DuplicateCriterion.SERIAL, DuplicateCriterion.MAC_ADDRESS));
	}

}
