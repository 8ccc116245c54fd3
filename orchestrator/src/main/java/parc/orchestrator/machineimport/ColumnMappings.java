package parc.orchestrator.machineimport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import parc.orchestrator.inventory.AdminField;

/**
 * Which field each CSV column fills: suggested from the header, then checked as the
 * administrator confirmed it.
 */
final class ColumnMappings {

	static final String ADMIN_PREFIX = "admin.";

	private ColumnMappings() {
	}

	/**
	 * By header: a known alias, an administrative field's key or label, else
	 * {@code ignore}; a field already taken by an earlier column is not given twice.
	 */
	static List<String> suggest(List<String> header, Map<String, AdminField> adminFields) {
		List<String> mapping = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (String cell : header) {
			String key = MachineImportField.byHeader(cell)
				.map(MachineImportField::key)
				.orElseGet(() -> adminKey(cell, adminFields));
			if (key == null || !taken.add(key)) {
				key = MachineImportField.IGNORE.key();
			}
			mapping.add(key);
		}
		return mapping;
	}

	/**
	 * @throws InvalidMachineImportException naming {@code mapping} or {@code mapping[i]}
	 */
	static void check(List<String> mapping, int columns, Map<String, AdminField> adminFields) {
		if (mapping.size() != columns) {
			throw new InvalidMachineImportException("mapping",
					"the mapping names " + mapping.size() + " columns, the file has " + columns);
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < mapping.size(); i++) {
			String key = mapping.get(i);
			boolean known = MachineImportField.byKey(key).isPresent() || (key != null && key.startsWith(ADMIN_PREFIX)
					&& adminFields.containsKey(key.substring(ADMIN_PREFIX.length())));
			if (!known) {
				throw new InvalidMachineImportException("mapping[" + i + "]", "'" + key + "' is not a machine field");
			}
			if (!key.equals(MachineImportField.IGNORE.key()) && !seen.add(key)) {
				throw new InvalidMachineImportException("mapping[" + i + "]", key + " is mapped twice");
			}
		}
		for (MachineImportField required : List.of(MachineImportField.NAME, MachineImportField.ADDRESS)) {
			if (!seen.contains(required.key())) {
				throw new InvalidMachineImportException("mapping", "no column is mapped to " + required.key());
			}
		}
	}

	private static String adminKey(String header, Map<String, AdminField> adminFields) {
		String simple = MachineImportField.simplify(header);
		return adminFields.values()
			.stream()
			.filter((field) -> MachineImportField.simplify(field.key()).equals(simple)
					|| MachineImportField.simplify(field.label()).equals(simple)
					|| MachineImportField.simplify(ADMIN_PREFIX + field.key()).equals(simple))
			.map((field) -> ADMIN_PREFIX + field.key())
			.findFirst()
			.orElse(null);
	}

}
