package parc.ui.system;

/**
 * The characters Parc refuses in text it is sent: the C0 control characters but tab, line
 * feed and carriage return. NUL among them is what PostgreSQL cannot store in text (it
 * answered 500); the others have no place in a name, a filter or a form either.
 */
final class ControlCharacters {

	/** How a refusal reads, in the API's problem and the console's page. */
	static final String REFUSAL = "contains a control character, which Parc does not accept";

	private ControlCharacters() {
	}

	static boolean present(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

}
