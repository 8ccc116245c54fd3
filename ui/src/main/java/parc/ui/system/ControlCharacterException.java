package parc.ui.system;

/** A request parameter with a control character in its name or value. */
class ControlCharacterException extends RuntimeException {

	private final String field;

	ControlCharacterException(String field) {
		super("'" + field + "' " + ControlCharacters.REFUSAL);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
