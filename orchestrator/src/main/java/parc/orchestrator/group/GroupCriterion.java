package parc.orchestrator.group;

/**
 * One numbered criterion of a dynamic group. The JSON names are a public contract of
 * {@code POST /api/groups} ({@code criteria}).
 *
 * @param field a {@link GroupField} key ({@code os}, {@code software}...) or
 * {@code admin.<key>} for an administrative field
 * @param operator how to compare; EQUALS when absent
 * @param value the value; {@code *} is a wildcard in text; for BETWEEN it may also hold
 * both bounds as {@code low..high}
 * @param secondValue the upper bound of BETWEEN, when not in {@code value}
 */
public record GroupCriterion(String field, GroupOperator operator, String value, String secondValue) {

	public GroupCriterion {
		field = (field != null) ? field.trim() : "";
		operator = (operator != null) ? operator : GroupOperator.EQUALS;
		value = (value != null) ? value.trim() : "";
		secondValue = (secondValue != null) ? secondValue.trim() : "";
		if (operator == GroupOperator.BETWEEN && secondValue.isEmpty() && value.contains("..")) {
			int dots = value.indexOf("..");
			secondValue = value.substring(dots + 2).trim();
			value = value.substring(0, dots).trim();
		}
	}

	public GroupCriterion(String field, GroupOperator operator, String value) {
		this(field, operator, value, null);
	}

}
