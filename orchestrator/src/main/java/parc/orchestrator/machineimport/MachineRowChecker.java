package parc.orchestrator.machineimport;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import parc.orchestrator.inventory.AdminField;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.system.csv.CsvFile;
import parc.orchestrator.machine.MacAddresses;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.OsFamily;

/**
 * Checks one CSV row against a mapping, on its own: cell count, MAC addresses, OS family,
 * channel, port, administrative values, then the registry's own rules on the resulting
 * {@link MachineDraft} (Bean Validation, as when a machine is registered by hand). What
 * needs the other rows or the database (duplicate names, credentials, existing machines)
 * is checked afterwards in SQL.
 */
final class MachineRowChecker {

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s;,|]+");

	private static final Pattern TAG_SEPARATORS = Pattern.compile("\\s*[;,|]\\s*");

	private static final int MAX_TAG_LENGTH = 255;

	private final List<String> mapping;

	private final Map<String, AdminField> adminFields;

	private final Validator validator;

	private final Charset charset;

	/**
	 * @param mapping one field key per column, checked by {@link ColumnMappings}
	 * @param charset the file's, named when a line is not valid in it
	 */
	MachineRowChecker(List<String> mapping, Map<String, AdminField> adminFields, Validator validator, Charset charset) {
		this.mapping = mapping;
		this.charset = charset;
		this.adminFields = adminFields;
		this.validator = validator;
	}

	StagedRow check(int line, List<String> cells) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < Math.min(cells.size(), this.mapping.size()); i++) {
			values.put(this.mapping.get(i), cells.get(i).trim());
		}
		String name = blankToNull(values.get(MachineImportField.NAME.key()));
		if (cells.size() != this.mapping.size()) {
			return StagedRow.refused(line, name,
					"the line has " + cells.size() + " cells, the header has " + this.mapping.size());
		}
		if (CsvFile.isMangled(cells)) {
			return StagedRow.refused(line, name, CsvFile.notInCharset(this.charset));
		}
		if (name == null) {
			return StagedRow.refused(line, null, "no name");
		}
		try {
			return checked(line, name, values);
		}
		catch (RowException ex) {
			return StagedRow.refused(line, name, ex.getMessage());
		}
	}

	private StagedRow checked(int line, String name, Map<String, String> values) {
		String address = blankToNull(values.get(MachineImportField.ADDRESS.key()));
		if (address == null) {
			throw new RowException("no address");
		}
		List<String> macs = macs(values.get(MachineImportField.MAC_ADDRESSES.key()));
		OsFamily osFamily = osFamily(values.get(MachineImportField.OS_FAMILY.key()));
		Channel channel = channel(values.get(MachineImportField.CHANNEL.key()));
		Integer port = port(values.get(MachineImportField.SSH_PORT.key()));
		String user = blankToNull(values.get(MachineImportField.SSH_USER.key()));
		List<String> tags = tags(values.get(MachineImportField.TAGS.key()));
		String notes = blankToNull(values.get(MachineImportField.NOTES.key()));
		String tag = blankToNull(values.get(MachineImportField.TAG.key()));
		if (tag != null && tag.length() > MAX_TAG_LENGTH) {
			throw new RowException("the TAG is longer than " + MAX_TAG_LENGTH + " characters");
		}
		MachineDraft draft = new MachineDraft(name, address, macs, (osFamily != null) ? osFamily : OsFamily.OTHER,
				(channel != null) ? channel : Channel.AGENTLESS_SSH, port, user, null, tags, notes, null);
		Set<ConstraintViolation<MachineDraft>> violations = this.validator.validate(draft);
		if (!violations.isEmpty()) {
			ConstraintViolation<MachineDraft> first = violations.stream()
				.min(java.util.Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
				.orElseThrow();
			throw new RowException(first.getPropertyPath() + " " + first.getMessage());
		}
		return new StagedRow(line, name, address, given(MachineImportField.MAC_ADDRESSES, macs),
				(osFamily != null) ? osFamily.name() : null, (channel != null) ? channel.name() : null, port, user,
				blankToNull(values.get(MachineImportField.CREDENTIAL.key())), given(MachineImportField.TAGS, tags),
				notes, tag, adminValues(values), null);
	}

	/** A list column that is mapped stays a list, empty when its cell is. */
	private <T> List<T> given(MachineImportField field, List<T> values) {
		return this.mapping.contains(field.key()) ? values : null;
	}

	private Map<String, String> adminValues(Map<String, String> values) {
		Map<String, String> admin = new HashMap<>();
		for (Map.Entry<String, String> cell : values.entrySet()) {
			if (!cell.getKey().startsWith(ColumnMappings.ADMIN_PREFIX) || cell.getValue().isEmpty()) {
				continue;
			}
			AdminField field = this.adminFields.get(cell.getKey().substring(ColumnMappings.ADMIN_PREFIX.length()));
			try {
				admin.put(field.key(), field.type().normalise(cell.getValue()));
			}
			catch (IllegalArgumentException ex) {
				throw new RowException(field.label() + ": " + ex.getMessage());
			}
		}
		return admin;
	}

	private static List<String> macs(String cell) {
		List<String> macs = new ArrayList<>();
		if (cell == null || cell.isBlank()) {
			return macs;
		}
		for (String text : LIST_SEPARATORS.split(cell.trim())) {
			Optional<String> mac = MacAddresses.normalise(text);
			if (mac.isEmpty()) {
				throw new RowException("'" + text + "' is not a MAC address");
			}
			if (!macs.contains(mac.get())) {
				macs.add(mac.get());
			}
		}
		return macs;
	}

	private static List<String> tags(String cell) {
		if (cell == null || cell.isBlank()) {
			return new ArrayList<>();
		}
		return java.util.Arrays.stream(TAG_SEPARATORS.split(cell.trim()))
			.filter((tag) -> !tag.isEmpty())
			.distinct()
			.toList();
	}

	private static OsFamily osFamily(String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		String simple = MachineImportField.simplify(cell);
		return switch (simple) {
			case "linux", "debian", "ubuntu", "redhat", "rhel", "centos", "fedora", "suse" -> OsFamily.LINUX;
			case "windows", "win" -> OsFamily.WINDOWS;
			case "macos", "mac", "osx", "macosx" -> OsFamily.MACOS;
			case "other", "autre" -> OsFamily.OTHER;
			default -> throw new RowException("'" + cell + "' is not an OS family (LINUX, WINDOWS, MACOS, OTHER)");
		};
	}

	private static Channel channel(String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		return switch (MachineImportField.simplify(cell)) {
			case "agentlessssh", "agentless", "ssh" -> Channel.AGENTLESS_SSH;
			case "ocsagent", "ocs", "agent" -> Channel.OCS_AGENT;
			default -> throw new RowException("'" + cell + "' is not a channel (AGENTLESS_SSH, OCS_AGENT)");
		};
	}

	private static Integer port(String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		try {
			int port = Integer.parseInt(cell.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new RowException("'" + cell + "' is not a port (1 to 65535)");
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/** A refusal of the row being checked. */
	private static final class RowException extends RuntimeException {

		RowException(String message) {
			super(message);
		}

	}

}
