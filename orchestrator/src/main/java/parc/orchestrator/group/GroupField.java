package parc.orchestrator.group;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.OsFamily;

/**
 * The built-in fields a dynamic group's criteria compare, over the registry ({@code m}),
 * the latest inventory ({@code i}) and the administrative data ({@code a}). A field with
 * several values per machine gives them as the rows of a sub-query, in column {@code v}.
 * Administrative fields ({@code admin.<key>}) are added by {@link GroupFieldCatalog}. The
 * keys are a public contract of {@code GET /api/groups/fields}.
 */
public enum GroupField {

	NAME("name", "Machine name", GroupFieldType.TEXT, "m.name", null),

	OS_FAMILY("osFamily", "OS family", GroupFieldType.CHOICE, "m.os_family", null),

	OS("os", "Operating system", GroupFieldType.TEXT, "i.os_name", null),

	OS_VERSION("osVersion", "OS version", GroupFieldType.TEXT, "i.os_version", null),

	SOFTWARE("software", "Software name", GroupFieldType.TEXT, null,
			"select s.name as v from inventory_software s where s.machine_id = m.id"),

	CPU("cpu", "CPU type", GroupFieldType.TEXT, "i.cpu_type", null),

	MEMORY("memory", "Memory (MB)", GroupFieldType.NUMBER, "i.memory_mb", null),

	TOTAL_DISK("totalDisk", "Total disk (MB)", GroupFieldType.NUMBER, "i.disk_total_mb", null),

	FREE_DISK("freeDisk", "Free disk (MB)", GroupFieldType.NUMBER, "i.disk_free_mb", null),

	/** The registry's address and every address the inventory found. */
	IP("ip", "IP address", GroupFieldType.TEXT, null, GroupField.ADDRESSES),

	NETWORK("network", "Network (CIDR)", GroupFieldType.NETWORK, null, GroupField.ADDRESSES),

	/**
	 * OCS's TAG and the registry's tags alike: administrators use both to sort machines.
	 */
	TAG("tag", "TAG", GroupFieldType.TEXT, null,
			"select a.tag as v where a.tag is not null union all select unnest(m.tags)"),

	CHANNEL("channel", "Channel", GroupFieldType.CHOICE, "m.channel", null),

	USER("user", "Logged-in user", GroupFieldType.TEXT, "i.logged_user", null),

	LAST_INVENTORY("lastInventory", "Last inventory", GroupFieldType.DATE, "cast(i.last_contact_at as date)", null),

	GROUP("group", "Member of group", GroupFieldType.GROUP, null, null);

	private static final String ADDRESSES = "select m.address as v union all "
			+ "select n.ip_address from inventory_network n where n.machine_id = m.id";

	private final String key;

	private final String label;

	private final GroupFieldType type;

	private final String column;

	private final String rows;

	GroupField(String key, String label, GroupFieldType type, String column, String rows) {
		this.key = key;
		this.label = label;
		this.type = type;
		this.column = column;
		this.rows = rows;
	}

	public String key() {
		return this.key;
	}

	/** In English; the console translates it by key. */
	public String label() {
		return this.label;
	}

	public GroupFieldType type() {
		return this.type;
	}

	/** The values a CHOICE field takes, empty for the others. */
	public List<String> choices() {
		return switch (this) {
			case OS_FAMILY -> Arrays.stream(OsFamily.values()).map(Enum::name).toList();
			case CHANNEL -> Arrays.stream(Channel.values()).map(Enum::name).toList();
			default -> List.of();
		};
	}

	/** The SQL of a one-per-machine field, or null. */
	String column() {
		return this.column;
	}

	/**
	 * The sub-query giving a several-per-machine field's values as {@code v}, or null.
	 */
	String rows() {
		return this.rows;
	}

	public static Optional<GroupField> byKey(String key) {
		return Arrays.stream(values()).filter((field) -> field.key.equals(key)).findFirst();
	}

}
