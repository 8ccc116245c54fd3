package parc.orchestrator.machineimport;

import org.springframework.context.MessageSourceResolvable;

/**
 * An import Parc cannot start as asked: a mapping without name or address, an unknown
 * field, a file that cannot be read. Names the JSON field to fix.
 */
public class InvalidMachineImportException extends IllegalArgumentException implements MessageSourceResolvable {

	private final String field;

	private final MessageSourceResolvable reason;

	public InvalidMachineImportException(String field, String message) {
		super(message);
		this.field = field;
		this.reason = null;
	}

	/** With a reason that may be said in the reader's language. */
	public InvalidMachineImportException(String field, RuntimeException reason) {
		super(reason.getMessage());
		this.field = field;
		this.reason = (reason instanceof MessageSourceResolvable resolvable) ? resolvable : null;
	}

	@Override
	public String[] getCodes() {
		return (this.reason != null) ? this.reason.getCodes() : null;
	}

	@Override
	public Object[] getArguments() {
		return (this.reason != null) ? this.reason.getArguments() : null;
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}

	public String field() {
		return this.field;
	}

}
