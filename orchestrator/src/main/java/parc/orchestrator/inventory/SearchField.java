package parc.orchestrator.inventory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of the multi-criteria inventory search (those of OCS's search), each with
 * the SQL it compares. Multi-valued fields (software, addresses) match when one of the
 * machine's rows does; {@code DIFFERENT} then means "none of its rows does".
 */
public enum SearchField {

	NAME("name", Type.TEXT, "m.name"),

	OS("os", Type.TEXT, "i.os_name"),

	OS_VERSION("osVersion", Type.TEXT, "i.os_version"),

	BIOS_VENDOR("biosVendor", Type.TEXT, "i.bios_vendor"),

	BIOS_VERSION("biosVersion", Type.TEXT, "i.bios_version"),

	SERIAL("serial", Type.TEXT, "i.serial_number"),

	CPU("cpu", Type.TEXT, "i.cpu_type"),

	CPU_SPEED("cpuSpeed", Type.NUMBER, "i.cpu_speed_mhz"),

	MEMORY("memory", Type.NUMBER, "i.memory_mb"),

	FREE_DISK("freeDisk", Type.NUMBER, "i.disk_free_mb"),

	IP("ip", Type.TEXT, "n.ip_address"),

	MAC("mac", Type.TEXT, "n.mac_address"),

	GATEWAY("gateway", Type.TEXT, "n.ip_gateway"),

	SOFTWARE("software", Type.TEXT, "s.name"),

	TAG("tag", Type.TEXT, "a.tag"),

	USER("user", Type.TEXT, "i.logged_user"),

	AGENT("agent", Type.TEXT, "i.agent_version"),

	LAST_INVENTORY("lastInventory", Type.DATE, "i.last_contact_at");

	/** What kind of values a field holds, which decides its operators. */
	public enum Type {

		TEXT, NUMBER, DATE

	}

	private final String key;

	private final Type type;

	private final String column;

	SearchField(String key, Type type, String column) {
		this.key = key;
		this.type = type;
		this.column = column;
	}

	public String key() {
		return this.key;
	}

	public Type type() {
		return this.type;
	}

	String column() {
		return this.column;
	}

	/**
	 * The table a multi-valued field's rows live in, or null for a one-per-machine field.
	 */
	String rowTable() {
		return switch (this.column.charAt(0)) {
			case 'n' -> "inventory_network n";
			case 's' -> "inventory_software s";
			default -> null;
		};
	}

	public static Optional<SearchField> byKey(String key) {
		return Arrays.stream(values()).filter((field) -> field.key.equals(key)).findFirst();
	}

}
