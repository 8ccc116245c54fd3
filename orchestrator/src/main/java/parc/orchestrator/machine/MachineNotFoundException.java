package parc.orchestrator.machine;

/** No machine has this id (it never existed or was deleted). */
public class MachineNotFoundException extends RuntimeException {

	private final long machineId;

	public MachineNotFoundException(long machineId) {
		super("No machine with id " + machineId);
		this.machineId = machineId;
	}

	public long machineId() {
		return this.machineId;
	}

}
