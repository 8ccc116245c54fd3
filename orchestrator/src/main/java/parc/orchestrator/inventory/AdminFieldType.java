package parc.orchestrator.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The kinds of value an administrator-defined field holds. */
public enum AdminFieldType {

	TEXT, INTEGER, DECIMAL, DATE;

	/**
	 * @return the value in its stored form ({@code 2026-12-01} for a date, no trailing
	 * zeros for a decimal)
	 * @throws IllegalArgumentException when the text is not of this type
	 */
	public String normalise(String text) {
		String value = text.trim();
		try {
			return switch (this) {
				case TEXT -> {
					if (value.length() > 1000) {
						throw new IllegalArgumentException("longer than 1000 characters");
					}
					yield value;
				}
				case INTEGER -> Long.toString(Long.parseLong(value));
				case DECIMAL -> new BigDecimal(value.replace(',', '.')).stripTrailingZeros().toPlainString();
				case DATE -> LocalDate.parse(value).toString();
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + value + "' is not a valid " + name().toLowerCase(java.util.Locale.ROOT));
		}
	}

}
