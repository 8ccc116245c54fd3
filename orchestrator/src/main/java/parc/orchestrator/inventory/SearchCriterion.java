package parc.orchestrator.inventory;

/**
 * One line of a multi-criteria inventory search.
 *
 * @param field a {@link SearchField} key ({@code os}, {@code software}...) or
 * {@code admin.<key>} for an administrator-defined field
 * @param operator how to compare
 * @param value the value; {@code *} is a wildcard in text; empty matches "not set"
 * @param secondValue the upper bound for {@link SearchOperator#BETWEEN} and
 * {@link SearchOperator#OUTSIDE}
 */
public record SearchCriterion(String field, SearchOperator operator, String value, String secondValue) {

	public SearchCriterion {
		operator = (operator != null) ? operator : SearchOperator.EQUAL;
		value = (value != null) ? value.trim() : "";
		secondValue = (secondValue != null) ? secondValue.trim() : "";
	}

}
