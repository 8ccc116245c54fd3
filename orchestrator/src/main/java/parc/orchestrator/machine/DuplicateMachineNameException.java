package parc.orchestrator.machine;

/** Another machine already has this name (names are unique, ignoring case). */
public class DuplicateMachineNameException extends RuntimeException {

	private final String machineName;

	public DuplicateMachineNameException(String machineName) {
		super("A machine named '" + machineName + "' already exists");
		this.machineName = machineName;
	}

	public String machineName() {
		return this.machineName;
	}

}
