package parc.ui.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import parc.orchestrator.inventory.InventoryRow;

/**
 * Writes inventory rows as CSV (Commons CSV, RFC 4180). A cell that a spreadsheet would
 * run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading quote:
 * values come from agents, and an export must not execute them.
 */
public final class InventoryCsv implements AutoCloseable {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_INSTANT;

	private final CSVPrinter printer;

	private final List<InventoryRow.Column> columns;

	public InventoryCsv(Writer out, List<InventoryRow.Column> columns) {
		this.columns = columns;
		try {
			this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
			this.printer.printRecord(columns.stream().map(InventoryRow.Column::key).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(InventoryRow row) {
		try {
			this.printer.printRecord(this.columns.stream().map((column) -> safe(value(row, column))).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String value(InventoryRow row, InventoryRow.Column column) {
		Object value = switch (column) {
			case NAME -> row.name();
			case CHANNEL -> row.channel();
			case OS -> row.osName();
			case OS_VERSION -> row.osVersion();
			case IP -> row.ipAddress();
			case CPU -> row.cpuType();
			case CPU_SPEED -> row.cpuSpeedMhz();
			case MEMORY -> row.memoryMb();
			case FREE_DISK -> row.diskFreeMb();
			case SERIAL -> row.serialNumber();
			case BIOS_VENDOR -> row.biosVendor();
			case BIOS_VERSION -> row.biosVersion();
			case TAG -> row.tag();
			case USER -> row.loggedUser();
			case AGENT -> row.agentVersion();
			case SOFTWARE_COUNT -> row.softwareCount();
			case LAST_INVENTORY -> (row.lastInventoryAt() != null) ? DATE_TIME.format(row.lastInventoryAt()) : null;
		};
		return (value != null) ? value.toString() : "";
	}

	public static String safe(String value) {
		return (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	@Override
	public void close() {
		try {
			this.printer.close(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
