package parc.orchestrator.machineimport;

/** What to do with a file that has bad rows. The names are a public contract. */
public enum MachineImportMode {

	/** Apply the good rows, report the bad ones. */
	GOOD_ROWS,

	/** Apply nothing unless every row is good. */
	ALL_OR_NOTHING

}
