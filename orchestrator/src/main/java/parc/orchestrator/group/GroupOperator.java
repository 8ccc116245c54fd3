package parc.orchestrator.group;

/**
 * How a criterion compares a field with its value. The names are a public contract of
 * {@code /api/groups}; which ones a field takes depends on its {@link GroupFieldType}.
 */
public enum GroupOperator {

	/** Equal, ignoring case for text; {@code *} in the value is a wildcard. */
	EQUALS,

	/**
	 * Not equal; for a field with several values per machine (software, addresses), none
	 * of them is.
	 */
	NOT_EQUALS,

	/** The text holds the value, ignoring case. */
	CONTAINS,

	LESS,

	GREATER,

	/** Between the value and the second value, both included. */
	BETWEEN

}
