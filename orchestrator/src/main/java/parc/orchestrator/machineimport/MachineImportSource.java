package parc.orchestrator.machineimport;

/** Where a file came from. */
public enum MachineImportSource {

	/** Uploaded in the console or through the API. */
	UPLOAD,

	/** Dropped in the watched folder. */
	FOLDER

}
