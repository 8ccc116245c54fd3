package parc.orchestrator.machineimport;

/** What became of one row of an import. The names are a public contract. */
public enum RowOutcome {

	CREATED, UPDATED,

	/** The machine exists with those very values. */
	UNCHANGED,

	/** The row is wrong; the reason says why. */
	ERROR,

	/** A good row left out because the file had errors in all-or-nothing mode. */
	NOT_APPLIED

}
