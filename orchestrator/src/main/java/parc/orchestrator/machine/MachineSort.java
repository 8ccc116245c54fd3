package parc.orchestrator.machine;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns a machine list can be sorted by. Only these reach SQL, so a sort parameter
 * can never inject anything.
 */
public enum MachineSort {

	NAME("lower(name)"), ADDRESS("address"), OS_FAMILY("os_family"), CHANNEL("channel"), UPDATED_AT("updated_at");

	private final String column;

	MachineSort(String column) {
		this.column = column;
	}

	String column() {
		return this.column;
	}

	/**
	 * Reads {@code name}, {@code osFamily}, {@code updatedAt}... as the console and API
	 * spell them.
	 */
	public static Optional<MachineSort> fromProperty(String property) {
		if (property == null) {
			return Optional.empty();
		}
		String wanted = property.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
		for (MachineSort sort : values()) {
			if (sort.name().equals(wanted)) {
				return Optional.of(sort);
			}
		}
		return Optional.empty();
	}

	/** The console and API spelling: {@code osFamily} for {@link #OS_FAMILY}. */
	public String property() {
		String[] words = name().toLowerCase(Locale.ROOT).split("_");
		StringBuilder property = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			property.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return property.toString();
	}

}
