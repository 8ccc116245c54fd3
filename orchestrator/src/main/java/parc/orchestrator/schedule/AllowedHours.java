package parc.orchestrator.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of the day a schedule's work may run, {@code "HH:MM-HH:MM"} in the server's
 * time zone. The end is excluded, and a window whose end comes before its start crosses
 * midnight: {@code "22:00-06:00"} allows 23:30 and 05:59, not 06:00.
 *
 * @param from the first allowed minute
 * @param to the first minute no longer allowed
 */
public record AllowedHours(LocalTime from, LocalTime to) {

	private static final Pattern TEXT = Pattern.compile("\\s*(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	public AllowedHours {
		if (from.equals(to)) {
			throw new InvalidScheduleException("window", "The window " + from.format(HH_MM) + "-" + to.format(HH_MM)
					+ " is empty: leave it out to allow " + "every hour");
		}
	}

	/**
	 * @throws InvalidScheduleException when the text is not {@code HH:MM-HH:MM} with real
	 * times
	 */
	public static AllowedHours parse(String text) {
		Matcher matcher = TEXT.matcher(text);
		if (!matcher.matches()) {
			throw new InvalidScheduleException("window",
					"The window \"" + text + "\" is not HH:MM-HH:MM, for example 22:00-06:00");
		}
		return new AllowedHours(time(matcher.group(1)), time(matcher.group(2)));
	}

	private static LocalTime time(String text) {
		try {
			return LocalTime.parse(text, HH_MM);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidScheduleException("window", text + " is not a time of day (00:00 to 23:59)");
		}
	}

	public boolean crossesMidnight() {
		return this.to.isBefore(this.from);
	}

	public boolean allows(LocalTime time) {
		if (crossesMidnight()) {
			return !time.isBefore(this.from) || time.isBefore(this.to);
		}
		return !time.isBefore(this.from) && time.isBefore(this.to);
	}

	@Override
	public String toString() {
		return this.from.format(HH_MM) + "-" + this.to.format(HH_MM);
	}

}
