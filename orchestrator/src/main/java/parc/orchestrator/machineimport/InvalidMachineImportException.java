package parc.orchestrator.machineimport;

/**
 * An import Parc cannot start as asked: a mapping without name or address, an unknown
 * field, a file that cannot be read. Names the JSON field to fix.
 */
public class InvalidMachineImportException extends IllegalArgumentException {

	private final String field;

	public InvalidMachineImportException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
