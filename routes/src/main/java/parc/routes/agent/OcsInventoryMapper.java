package parc.routes.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import parc.ocsagent.InventoryContent;
import parc.orchestrator.inventory.AccountValue;
import parc.orchestrator.inventory.InventoryDocument;

/**
 * Turns the CONTENT of an OCS inventory into Parc's inventory model: section and field
 * names in lower case, empty fields left out, unknown sections kept as they came.
 * Stateless.
 */
public final class OcsInventoryMapper {

	/** The sections that have a place of their own in the document. */
	private static final Set<String> NAMED = Set.of("hardware", "bios", "cpus", "memories", "storages", "drives",
			"networks", "softwares", "videos", "monitors", "printers", "users", "local_users", "local_groups");

	/**
	 * Field names in lower case, by the agent's name: an inventory repeats a few dozen
	 * names over thousands of rows, so each is lowered once per inventory.
	 */
	private final Map<String, String> lowerCaseNames = new java.util.HashMap<>();

	private OcsInventoryMapper() {
	}

	public static InventoryDocument toDocument(InventoryContent content) {
		return new OcsInventoryMapper().map(content);
	}

	private InventoryDocument map(InventoryContent content) {
		Map<String, List<Map<String, String>>> others = new LinkedHashMap<>();
		content.sections().forEach((name, rows) -> {
			String section = name.toLowerCase(Locale.ROOT);
			if (!NAMED.contains(section)) {
				others.put(section, rows(rows));
			}
		});
		return new InventoryDocument(first(content.rows("HARDWARE")), first(content.rows("BIOS")),
				rows(content.rows("CPUS")), rows(content.rows("MEMORIES")), rows(content.rows("STORAGES")),
				rows(content.rows("DRIVES")), rows(content.rows("NETWORKS")), rows(content.rows("SOFTWARES")),
				rows(content.rows("VIDEOS")), rows(content.rows("MONITORS")), rows(content.rows("PRINTERS")),
				rows(content.rows("USERS")), rows(content.rows("LOCAL_USERS")), rows(content.rows("LOCAL_GROUPS")),
				others,
				content.accountInfo().stream().map((info) -> new AccountValue(info.key(), info.value())).toList(),
				content.downloadHistory());
	}

	private Map<String, String> first(List<Map<String, String>> rows) {
		return rows.isEmpty() ? Map.of() : row(rows.get(0));
	}

	private List<Map<String, String>> rows(List<Map<String, String>> rows) {
		List<Map<String, String>> result = new ArrayList<>(rows.size());
		for (Map<String, String> row : rows) {
			Map<String, String> fields = row(row);
			if (!fields.isEmpty()) {
				result.add(fields);
			}
		}
		return result;
	}

	private Map<String, String> row(Map<String, String> row) {
		Map<String, String> fields = new LinkedHashMap<>();
		row.forEach((field, value) -> {
			if (value != null && !value.isBlank()) {
				fields.put(this.lowerCaseNames.computeIfAbsent(field, (name) -> name.toLowerCase(Locale.ROOT)),
						value.trim());
			}
		});
		return fields;
	}

}
