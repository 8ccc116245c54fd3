package parc.agentlessadapter.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a collection script's output at its {@code @@parc <name>} marker lines.
 */
final class Sections {

	static final String MARK = "@@parc ";

	private final Map<String, List<String>> byName;

	private Sections(Map<String, List<String>> byName) {
		this.byName = byName;
	}

	static Sections parse(String output) {
		Map<String, List<String>> byName = new HashMap<>();
		List<String> current = null;
		for (String line : output.split("\n", -1)) {
			String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
			if (stripped.startsWith(MARK)) {
				current = new java.util.ArrayList<>();
				byName.put(stripped.substring(MARK.length()).trim(), current);
			}
			else if (current != null) {
				current.add(stripped);
			}
		}
		return new Sections(byName);
	}

	/** The section's lines without blank ones; empty when it is missing. */
	List<String> lines(String name) {
		return this.byName.getOrDefault(name, List.of()).stream().filter((line) -> !line.isBlank()).toList();
	}

	/** {@code key=value} lines as a map; later keys win. */
	Map<String, String> values(String name) {
		Map<String, String> values = new HashMap<>();
		for (String line : lines(name)) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				values.put(line.substring(0, equals).trim(), unquote(line.substring(equals + 1).trim()));
			}
		}
		return values;
	}

	boolean has(String name) {
		return this.byName.containsKey(name);
	}

	private static String unquote(String value) {
		if (value.length() >= 2
				&& (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	static long parseLong(String value) {
		if (value == null) {
			return 0;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
