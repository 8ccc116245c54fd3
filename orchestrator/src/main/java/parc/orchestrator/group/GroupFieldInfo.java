package parc.orchestrator.group;

import java.util.List;

/**
 * A field criteria can compare, as {@code GET /api/groups/fields} lists it (public
 * contract).
 *
 * @param key what a criterion's {@code field} holds
 * @param label what the console shows
 * @param type what kind of values it holds
 * @param operators the operators it takes
 * @param choices the values a CHOICE field takes, else empty
 */
public record GroupFieldInfo(String key, String label, GroupFieldType type, List<GroupOperator> operators,
		List<String> choices) {

	public GroupFieldInfo {
		operators = List.copyOf(operators);
		choices = List.copyOf(choices);
	}

}
