package parc.orchestrator.inventory;

/**
 * Writes rows in PostgreSQL's COPY text format: columns separated by tabs, rows by
 * newlines, {@code \N} for null, and backslash escapes for the four characters the format
 * reserves (PostgreSQL documentation, COPY, "Text Format"). Agent text cannot hold NUL:
 * XML 1.0 forbids it.
 */
final class CopyText {

	private CopyText() {
	}

	static void row(StringBuilder out, String... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			String value = values[i];
			if (value == null) {
				out.append("\\N");
				continue;
			}
			for (int c = 0; c < value.length(); c++) {
				char ch = value.charAt(c);
				switch (ch) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(ch);
				}
			}
		}
		out.append('\n');
	}

}
