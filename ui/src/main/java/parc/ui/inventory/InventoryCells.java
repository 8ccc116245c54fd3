package parc.ui.inventory;

import org.springframework.stereotype.Component;

import parc.orchestrator.inventory.InventoryRow;

/**
 * The text of one cell of the inventory table, the same as in the CSV export; used from
 * templates as {@code @inventoryCells}.
 */
@Component("inventoryCells")
public class InventoryCells {

	private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(java.time.ZoneId.systemDefault());

	/** As in the export, except dates: to the minute, in the server's time zone. */
	public String value(InventoryRow row, InventoryRow.Column column) {
		if (column == InventoryRow.Column.LAST_INVENTORY) {
			return (row.lastInventoryAt() != null) ? SHOWN.format(row.lastInventoryAt()) : "";
		}
		return InventoryCsv.value(row, column);
	}

}
