package parc.orchestrator.machine;

/**
 * Someone changed the machine after the editor loaded it: saving would silently undo
 * their change, so Parc refuses. The editor reloads and applies their change again.
 */
public class MachineEditConflictException extends RuntimeException {

	private final long machineId;

	public MachineEditConflictException(long machineId, Integer expectedVersion, int currentVersion) {
		super("Machine " + machineId + " was changed by someone else (version " + currentVersion
				+ ", this edit started from version " + expectedVersion + "): reload it and apply your change again");
		this.machineId = machineId;
	}

	public long machineId() {
		return this.machineId;
	}

}
