package parc.orchestrator.inventory;

import java.util.Map;

/**
 * A condition on machines for {@link InventorySearchService}'s lists, written by another
 * part of Parc (groups): SQL over the aliases {@code m} (machine), {@code i} (latest
 * inventory) and {@code a} (administrative data), every value a named parameter. Never
 * built from user text.
 *
 * @param sql the boolean SQL expression
 * @param parameters the values of its named parameters
 */
public record MachineCondition(String sql, Map<String, Object> parameters) {

	public MachineCondition {
		parameters = Map.copyOf(parameters);
	}

	/** Every machine. */
	public static MachineCondition all() {
		return new MachineCondition("true", Map.of());
	}

}
