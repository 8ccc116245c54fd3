package parc.orchestrator.machineimport;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that an import's mapping decides: which registry columns an existing machine
 * takes from its row ({@code r}), and whether anything differs from the machine
 * ({@code m}) and its administrative data ({@code a}). Columns the file does not map keep
 * their values; a mapped column's empty cell clears the field, except the OS family and
 * the channel, which keep theirs.
 */
final class ImportColumns {

	private final List<String> assignments = new ArrayList<>();

	private final List<String> differences = new ArrayList<>();

	ImportColumns(List<String> mapping) {
		// The name is how the machine was found; it may differ in case only.
		column("name", "r.name");
		for (String key : mapping) {
			switch (key) {
				case "address" -> column("address", "r.address");
				case "macAddresses" -> column("mac_addresses", "coalesce(r.mac_addresses, '{}')");
				case "osFamily" -> column("os_family", "coalesce(r.os_family, m.os_family)");
				case "channel" -> column("channel", "coalesce(r.channel, m.channel)");
				case "sshPort" -> column("ssh_port", "r.ssh_port");
				case "sshUser" -> column("ssh_user", "r.ssh_user");
				case "credential" -> column("credential_id", "r.credential_id");
				case "tags" -> column("tags", "coalesce(r.tags, '{}')");
				case "notes" -> column("notes", "r.notes");
				case "tag" -> this.differences.add("(r.tag is not null and a.tag is distinct from r.tag)");
				default -> {
					// name, ignore and administrative fields: handled above and below.
				}
			}
		}
		if (mapping.stream().anyMatch((key) -> key.startsWith(ColumnMappings.ADMIN_PREFIX))) {
			this.differences.add("not (coalesce(a.fields, '{}') @> r.admin_fields)");
		}
	}

	private void column(String column, String value) {
		this.assignments.add(column + " = " + value);
		this.differences.add("m." + column + " is distinct from " + value);
	}

	/**
	 * {@code column = value, ...} for
	 * {@code update machine m ... from machine_import_row r}.
	 */
	String registryAssignments() {
		return String.join(", ", this.assignments);
	}

	/** True when the row would change the machine. */
	String differs() {
		return "(" + String.join(" or ", this.differences) + ")";
	}

}
