package parc.orchestrator.machineimport;

/** Where an import stands. The names are a public contract. */
public enum MachineImportState {

	/** Waiting for its turn. */
	PENDING,

	/** Reading and checking each row; {@code rowsRead} grows. */
	READING,

	/** Checking the rows together: duplicate names, credentials, existing machines. */
	CHECKING,

	/** Writing the machines, in one transaction. */
	APPLYING,

	/** Finished: the report says what each row became. */
	DONE,

	/**
	 * Nothing applied: the file could not be read, or it had errors in all-or-nothing
	 * mode.
	 */
	FAILED;

	public boolean isFinished() {
		return this == DONE || this == FAILED;
	}

}
