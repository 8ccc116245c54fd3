package parc.orchestrator.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sections an inventory is kept by: one per part of {@link InventoryDocument}, named
 * as in its JSON ({@code hardware}, {@code software}, {@code localUsers}...), and one per
 * other section the agent sent ({@code otherSections/slots}). Empty sections are left
 * out, so "absent" and "empty" are one and the same.
 */
final class InventorySections {

	static final String OTHER = "otherSections/";

	private InventorySections() {
	}

	/** The document's non-empty sections, in document order. */
	static Map<String, Object> of(InventoryDocument document) {
		Map<String, Object> sections = new LinkedHashMap<>();
		put(sections, "hardware", document.hardware());
		put(sections, "bios", document.bios());
		put(sections, "cpus", document.cpus());
		put(sections, "memories", document.memories());
		put(sections, "storages", document.storages());
		put(sections, "drives", document.drives());
		put(sections, "networks", document.networks());
		put(sections, "software", document.software());
		put(sections, "videos", document.videos());
		put(sections, "monitors", document.monitors());
		put(sections, "printers", document.printers());
		put(sections, "users", document.users());
		put(sections, "localUsers", document.localUsers());
		put(sections, "localGroups", document.localGroups());
		document.otherSections().forEach((name, rows) -> put(sections, OTHER + name, rows));
		put(sections, "accountInfo", document.accountInfo());
		put(sections, "downloadHistory", document.downloadHistory());
		return sections;
	}

	/**
	 * The document with only the named sections of {@code document}, the others empty:
	 * what the history compares when only those sections changed.
	 */
	static InventoryDocument only(InventoryDocument document, Collection<String> names) {
		Map<String, Object> kept = new LinkedHashMap<>(of(document));
		kept.keySet().retainAll(names);
		return document(kept);
	}

	/**
	 * The document made of these sections, each the value {@link #of} gave for its name;
	 * unknown names are ignored.
	 */
	@SuppressWarnings("unchecked")
	static InventoryDocument document(Map<String, Object> sections) {
		Map<String, List<Map<String, String>>> others = new TreeMap<>();
		sections.forEach((name, rows) -> {
			if (name.startsWith(OTHER)) {
				others.put(name.substring(OTHER.length()), (List<Map<String, String>>) rows);
			}
		});
		return new InventoryDocument((Map<String, String>) sections.get("hardware"),
				(Map<String, String>) sections.get("bios"), rows(sections, "cpus"), rows(sections, "memories"),
				rows(sections, "storages"), rows(sections, "drives"), rows(sections, "networks"),
				rows(sections, "software"), rows(sections, "videos"), rows(sections, "monitors"),
				rows(sections, "printers"), rows(sections, "users"), rows(sections, "localUsers"),
				rows(sections, "localGroups"), others, (List<AccountValue>) sections.get("accountInfo"),
				(List<String>) sections.get("downloadHistory"));
	}

	/**
	 * The type a section's JSON reads back as: single-row sections are a map of fields,
	 * ACCOUNTINFO key/value pairs, the download history package IDs, every other section
	 * a list of rows.
	 */
	static Kind kind(String name) {
		return switch (name) {
			case "hardware", "bios" -> Kind.FIELDS;
			case "accountInfo" -> Kind.ACCOUNT_VALUES;
			case "downloadHistory" -> Kind.IDS;
			default -> Kind.ROWS;
		};
	}

	/**
	 * What the agent's {@code HARDWARE/CHECKSUM} says of the sections (protocol §3.2),
	 * when the document has one that reads as a number.
	 */
	static Optional<AgentChecksum> checksum(InventoryDocument document) {
		String text = document.hardwareField("checksum");
		if (text == null || !text.matches("\\d{1,10}")) {
			return Optional.empty();
		}
		long bits = Long.parseLong(text);
		return (bits > Integer.MAX_VALUE) ? Optional.empty() : Optional.of(new AgentChecksum((int) bits));
	}

	private static void put(Map<String, Object> sections, String name, Map<String, String> fields) {
		if (!fields.isEmpty()) {
			sections.put(name, fields);
		}
	}

	private static void put(Map<String, Object> sections, String name, List<?> rows) {
		if (!rows.isEmpty()) {
			sections.put(name, rows);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> rows(Map<String, Object> sections, String name) {
		return (List<Map<String, String>>) sections.get(name);
	}

	enum Kind {

		FIELDS, ROWS, ACCOUNT_VALUES, IDS

	}

	/**
	 * The agent's CHECKSUM: a bit per section it covers, set when the section changed
	 * since the last inventory the server accepted. Sections it does not cover (users,
	 * local accounts, USB devices, administrative data...) are never said to be
	 * unchanged.
	 */
	record AgentChecksum(int bits) {

		/** The sections a bit covers, by bit, as the OCS agent and server number them. */
		private static final Map<String, Integer> BITS = Map.ofEntries(Map.entry("hardware", 1), Map.entry("bios", 2),
				Map.entry("memories", 4), Map.entry(OTHER + "slots", 8), Map.entry(OTHER + "registry", 16),
				Map.entry(OTHER + "controllers", 32), Map.entry("monitors", 64), Map.entry(OTHER + "ports", 128),
				Map.entry("storages", 256), Map.entry("drives", 512), Map.entry(OTHER + "inputs", 1024),
				Map.entry(OTHER + "modems", 2048), Map.entry("networks", 4096), Map.entry("printers", 8192),
				Map.entry(OTHER + "sounds", 16384), Map.entry("videos", 32768), Map.entry("software", 65536),
				Map.entry(OTHER + "virtualmachines", 131072), Map.entry("cpus", 262144),
				Map.entry(OTHER + "sim", 524288), Map.entry(OTHER + "batteries", 1048576));

		/**
		 * Whether the agent says this section is as it was in the last accepted
		 * inventory.
		 */
		boolean saysUnchanged(String section) {
			Integer bit = BITS.get(section);
			return bit != null && (this.bits & bit) == 0;
		}

	}

}
