package parc.orchestrator.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import parc.orchestrator.inventory.InventoryChange.Category;
import parc.orchestrator.inventory.InventoryChange.Kind;

/**
 * Lists what changed between two inventories of one machine. Values that move at every
 * run without anything having changed (uptime, free space, running processes, logged-in
 * users, the agent's CHECKSUM) are left out, so two runs on an untouched machine give no
 * change at all.
 */
final class InventoryDiff {

	/** HARDWARE fields that change by themselves between two runs. */
	private static final Set<String> VOLATILE_HARDWARE = Set.of("checksum", "description", "etime",
			"datelastloggeduser", "lastloggeduser", "userid");

	/** Row fields that change by themselves: free space, clock speed, process figures. */
	private static final Set<String> VOLATILE_FIELDS = Set.of("free", "current_speed", "cpuusage", "processmemory",
			"virtualmemory");

	/** Sections that are a moment's picture, not the machine's make-up. */
	private static final Set<String> VOLATILE_SECTIONS = Set.of("running_processes", "ipdiscover", "users");

	private static final Map<String, Category> OTHER_SECTION_CATEGORIES = Map.of("controllers", Category.DEVICES,
			"sounds", Category.DEVICES, "slots", Category.HARDWARE, "ports", Category.DEVICES, "inputs",
			Category.DEVICES, "modems", Category.DEVICES, "usbdevices", Category.DEVICES, "batteries",
			Category.HARDWARE, "powersupplies", Category.HARDWARE, "virtualmachines", Category.OTHER);

	private InventoryDiff() {
	}

	static List<InventoryChange> between(InventoryDocument before, InventoryDocument after, Instant at) {
		List<InventoryChange> changes = new ArrayList<>();
		software(before.software(), after.software(), at, changes);
		fields("hardware", before.hardware(), after.hardware(), VOLATILE_HARDWARE, Category.HARDWARE, at, changes);
		fields("bios", before.bios(), after.bios(), Set.of(), Category.HARDWARE, at, changes);
		rows(before.cpus(), after.cpus(), Category.HARDWARE, "cpu", at, changes);
		rows(before.memories(), after.memories(), Category.HARDWARE, "memory", at, changes);
		rows(before.networks(), after.networks(), Category.NETWORK, "network", at, changes);
		rows(before.storages(), after.storages(), Category.STORAGE, "storage", at, changes);
		rows(before.drives(), after.drives(), Category.STORAGE, "drive", at, changes);
		rows(before.videos(), after.videos(), Category.DEVICES, "video", at, changes);
		rows(before.monitors(), after.monitors(), Category.DEVICES, "monitor", at, changes);
		rows(before.printers(), after.printers(), Category.DEVICES, "printer", at, changes);
		rows(before.localUsers(), after.localUsers(), Category.ACCOUNTS, "user", at, changes);
		rows(before.localGroups(), after.localGroups(), Category.ACCOUNTS, "group", at, changes);
		Set<String> sections = new java.util.TreeSet<>(before.otherSections().keySet());
		sections.addAll(after.otherSections().keySet());
		for (String section : sections) {
			if (!VOLATILE_SECTIONS.contains(section)) {
				rows(before.otherSections().getOrDefault(section, List.of()),
						after.otherSections().getOrDefault(section, List.of()),
						OTHER_SECTION_CATEGORIES.getOrDefault(section, Category.OTHER), section, at, changes);
			}
		}
		return changes;
	}

	/**
	 * Software is matched by name and architecture, so a new version is one change, not a
	 * removal and an addition.
	 */
	private static void software(List<Map<String, String>> before, List<Map<String, String>> after, Instant at,
			List<InventoryChange> changes) {
		Function<Map<String, String>, String> key = (row) -> Objects.toString(row.get("name"), "") + "\u0000"
				+ Objects.toString(row.get("architecture"), "");
		Map<String, String> old = versions(before, key);
		Map<String, String> now = versions(after, key);
		now.forEach((id, version) -> {
			String name = id.substring(0, id.indexOf('\u0000'));
			if (!old.containsKey(id)) {
				changes.add(new InventoryChange(at, Category.SOFTWARE, Kind.ADDED, name, null, version));
			}
			else if (!Objects.equals(old.get(id), version)) {
				changes.add(new InventoryChange(at, Category.SOFTWARE, Kind.CHANGED, name, old.get(id), version));
			}
		});
		old.forEach((id, version) -> {
			if (!now.containsKey(id)) {
				changes.add(new InventoryChange(at, Category.SOFTWARE, Kind.REMOVED,
						id.substring(0, id.indexOf('\u0000')), version, null));
			}
		});
	}

	private static Map<String, String> versions(List<Map<String, String>> rows,
			Function<Map<String, String>, String> key) {
		Map<String, String> versions = new TreeMap<>();
		for (Map<String, String> row : rows) {
			versions.merge(key.apply(row), Objects.toString(row.get("version"), ""),
					(first, second) -> (first.compareTo(second) <= 0) ? first + ", " + second : second + ", " + first);
		}
		return versions;
	}

	private static void fields(String prefix, Map<String, String> before, Map<String, String> after,
			Set<String> ignored, Category category, Instant at, List<InventoryChange> changes) {
		Set<String> names = new java.util.TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			String old = InventoryDocument.blankToNull(before.get(name));
			String now = InventoryDocument.blankToNull(after.get(name));
			if (!ignored.contains(name) && !Objects.equals(old, now)) {
				Kind kind = (old == null) ? Kind.ADDED : (now == null) ? Kind.REMOVED : Kind.CHANGED;
				changes.add(new InventoryChange(at, category, kind, prefix + "." + name, old, now));
			}
		}
	}

	/**
	 * Rows compared as wholes (a changed interface shows as one removal and one
	 * addition), counted so that two identical rows are not one.
	 */
	private static void rows(List<Map<String, String>> before, List<Map<String, String>> after, Category category,
			String label, Instant at, List<InventoryChange> changes) {
		Map<String, Integer> old = counts(before);
		Map<String, Integer> now = counts(after);
		Map<String, Map<String, String>> examples = new LinkedHashMap<>();
		before.forEach((row) -> examples.putIfAbsent(canonical(row), row));
		after.forEach((row) -> examples.putIfAbsent(canonical(row), row));
		old.forEach((row, count) -> {
			for (int i = now.getOrDefault(row, 0); i < count; i++) {
				changes.add(new InventoryChange(at, category, Kind.REMOVED, label + ": " + name(examples.get(row)), row,
						null));
			}
		});
		now.forEach((row, count) -> {
			for (int i = old.getOrDefault(row, 0); i < count; i++) {
				changes.add(new InventoryChange(at, category, Kind.ADDED, label + ": " + name(examples.get(row)), null,
						row));
			}
		});
	}

	private static Map<String, Integer> counts(List<Map<String, String>> rows) {
		Map<String, Integer> counts = new TreeMap<>();
		rows.forEach((row) -> counts.merge(canonical(row), 1, Integer::sum));
		return counts;
	}

	/**
	 * The row's lasting fields in name order: {@code ipaddress=192.0.2.2, macaddr=...}.
	 */
	private static String canonical(Map<String, String> row) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(row).forEach((field, value) -> {
			if (!VOLATILE_FIELDS.contains(field) && value != null && !value.isBlank()) {
				text.append((text.length() > 0) ? ", " : "").append(field).append('=').append(value.trim());
			}
		});
		return text.toString();
	}

	/** A short human label for a row: its name, description, mount point or login. */
	private static String name(Map<String, String> row) {
		for (String field : List.of("name", "description", "caption", "type", "login", "model", "manufacturer")) {
			String value = InventoryDocument.blankToNull(row.get(field));
			if (value != null) {
				return (value.length() > 120) ? value.substring(0, 120) + "..." : value;
			}
		}
		return "?";
	}

}
