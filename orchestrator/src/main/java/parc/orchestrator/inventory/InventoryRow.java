package parc.orchestrator.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One machine in the inventory lists and search results: registry facts and the
 * searchable summary of its latest inventory (null where it has none).
 */
public record InventoryRow(long machineId, String name, String channel, String osName, String osVersion,
		String ipAddress, String cpuType, Integer cpuSpeedMhz, Long memoryMb, BigDecimal diskFreeMb,
		String serialNumber, String biosVendor, String biosVersion, String tag, String loggedUser, String agentVersion,
		Integer softwareCount, Instant lastInventoryAt) {

	/**
	 * The machine's id under the name the machine API gives it, for clients of group
	 * members.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty("id")
	public long id() {
		return this.machineId;
	}

	/**
	 * The columns an administrator can show, sort by and export, in their default order.
	 */
	public enum Column {

		NAME("name", "m.name"),

		CHANNEL("channel", "m.channel"),

		OS("os", "i.os_name"),

		OS_VERSION("osVersion", "i.os_version"),

		IP("ip", "i.ip_address"),

		CPU("cpu", "i.cpu_type"),

		CPU_SPEED("cpuSpeed", "i.cpu_speed_mhz"),

		MEMORY("memory", "i.memory_mb"),

		FREE_DISK("freeDisk", "i.disk_free_mb"),

		SERIAL("serial", "i.serial_number"),

		BIOS_VENDOR("biosVendor", "i.bios_vendor"),

		BIOS_VERSION("biosVersion", "i.bios_version"),

		TAG("tag", "a.tag"),

		USER("user", "i.logged_user"),

		AGENT("agent", "i.agent_version"),

		SOFTWARE_COUNT("softwareCount", "i.software_count"),

		LAST_INVENTORY("lastInventory", "i.last_contact_at");

		private final String key;

		private final String sql;

		Column(String key, String sql) {
			this.key = key;
			this.sql = sql;
		}

		public String key() {
			return this.key;
		}

		String sql() {
			return this.sql;
		}

		public static java.util.Optional<Column> byKey(String key) {
			return java.util.Arrays.stream(values()).filter((column) -> column.key.equals(key)).findFirst();
		}

	}

}
