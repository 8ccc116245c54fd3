package parc.orchestrator.machineimport;

public class MachineImportNotFoundException extends RuntimeException {

	public MachineImportNotFoundException(long id) {
		super("No machine import " + id);
	}

}
