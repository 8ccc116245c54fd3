package parc.orchestrator.group;

/** What one line of a group import found. The names are a public contract. */
public enum GroupImportOutcome {

	MATCHED, NO_MATCH,

	/** A name, IP or MAC that several machines share: none of them is added. */
	AMBIGUOUS,

	/** Not a value of the kind chosen (a malformed MAC or IP). */
	INVALID

}
