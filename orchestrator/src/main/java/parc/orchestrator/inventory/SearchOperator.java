package parc.orchestrator.inventory;

/**
 * How a search criterion compares a field with its value(s), as OCS's multi-criteria
 * search offers them. Text fields take {@link #EQUAL} and {@link #DIFFERENT} (with
 * {@code *} as a wildcard); numbers and dates take all six.
 */
public enum SearchOperator {

	EQUAL, DIFFERENT, LESS, GREATER,

	/** Between the two values, both included. */
	BETWEEN,

	/** Below the first value or above the second. */
	OUTSIDE

}
