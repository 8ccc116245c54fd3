package parc.orchestrator.deployment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulse 2's deployment intervals: {@code 2-4} or {@code 3:00-5:00,18:00-20:30}, ranges
 * separated by commas, bounds {@code HH}, {@code HH:MM} or {@code HH:MM:SS}, the end
 * excluded, a range whose end comes before its start crossing midnight, {@code 24}
 * allowed as an end. Times are wall-clock times in the server's zone: across a
 * daylight-saving change a window keeps its clock times and so lasts an hour more or
 * less. Blank means always open. Immutable and thread-safe. Hand-written: the syntax is
 * Pulse 2's own.
 */
public final class DeploymentWindows {

	private static final Pattern BOUND = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

	private static final DeploymentWindows ALWAYS = new DeploymentWindows("", List.of());

	private final String text;

	private final List<Range> ranges;

	private DeploymentWindows(String text, List<Range> ranges) {
		this.text = text;
		this.ranges = List.copyOf(ranges);
	}

	public static DeploymentWindows always() {
		return ALWAYS;
	}

	/**
	 * @throws InvalidDeploymentOptionException naming the range and what is wrong with it
	 */
	public static DeploymentWindows parse(String text) {
		if (text == null || text.isBlank()) {
			return ALWAYS;
		}
		List<Range> ranges = new ArrayList<>();
		String[] parts = text.split(",", -1);
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i].trim();
			String where = "interval " + (i + 1) + " \"" + part + "\"";
			String[] bounds = part.split("-", -1);
			if (bounds.length != 2 || bounds[0].isBlank() || bounds[1].isBlank()) {
				throw new InvalidDeploymentOptionException("intervals",
						where + ": write it START-END, e.g. 2-4 or 18:00-20:30");
			}
			LocalTime start = bound(bounds[0].trim(), where, false);
			LocalTime end = bound(bounds[1].trim(), where, true);
			if (start.equals(end)) {
				throw new InvalidDeploymentOptionException("intervals", where + ": starts and ends at the same time");
			}
			ranges.add(new Range(start, end));
		}
		return new DeploymentWindows(text.trim(), ranges);
	}

	/** {@code 24}, {@code 24:00} as an end mean midnight at the end of the day. */
	private static LocalTime bound(String text, String where, boolean end) {
		Matcher matcher = BOUND.matcher(text);
		if (!matcher.matches()) {
			throw new InvalidDeploymentOptionException("intervals",
					where + ": \"" + text + "\" is not a time (HH, HH:MM or HH:MM:SS)");
		}
		int hour = Integer.parseInt(matcher.group(1));
		int minute = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0;
		int second = (matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : 0;
		if (end && hour == 24 && minute == 0 && second == 0) {
			return LocalTime.MIDNIGHT;
		}
		if (hour > 23 || minute > 59 || second > 59) {
			throw new InvalidDeploymentOptionException("intervals",
					where + ": \"" + text + "\" is not a time of day (hours 0-23, minutes and seconds 0-59)");
		}
		return LocalTime.of(hour, minute, second);
	}

	public boolean isAlwaysOpen() {
		return this.ranges.isEmpty();
	}

	/** As written, trimmed; empty for always open. */
	public String text() {
		return this.text;
	}

	/** Whether work may run at this instant. */
	public boolean isOpen(ZonedDateTime at) {
		return this.ranges.isEmpty() || windowAround(at).isPresent();
	}

	/**
	 * When work may start at the earliest: {@code at} itself when a window is open, else
	 * the next window's start.
	 */
	public ZonedDateTime nextOpening(ZonedDateTime at) {
		if (this.ranges.isEmpty() || isOpen(at)) {
			return at;
		}
		ZonedDateTime best = null;
		for (int day = -1; day <= 2; day++) {
			LocalDate date = at.toLocalDate().plusDays(day);
			for (Range range : this.ranges) {
				ZonedDateTime start = range.startOn(date, at.getZone());
				if (start.isAfter(at) && (best == null || start.isBefore(best))) {
					best = start;
				}
			}
		}
		return best;
	}

	/**
	 * The end of the window open at {@code at}, where running work is cut; empty when
	 * always open.
	 * @throws IllegalStateException when no window is open at {@code at}
	 */
	public Optional<ZonedDateTime> closingOf(ZonedDateTime at) {
		if (this.ranges.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(windowAround(at).orElseThrow(() -> new IllegalStateException("no window open at " + at))[1]);
	}

	/** The latest-ending window containing {@code at}, as {start, end}. */
	private Optional<ZonedDateTime[]> windowAround(ZonedDateTime at) {
		ZonedDateTime[] found = null;
		for (int day = -1; day <= 0; day++) {
			LocalDate date = at.toLocalDate().plusDays(day);
			for (Range range : this.ranges) {
				ZonedDateTime start = range.startOn(date, at.getZone());
				ZonedDateTime end = range.endAfter(date, at.getZone());
				if (!start.isAfter(at) && end.isAfter(at) && (found == null || end.isAfter(found[1]))) {
					found = new ZonedDateTime[] { start, end };
				}
			}
		}
		return Optional.ofNullable(found);
	}

	@Override
	public String toString() {
		return this.ranges.isEmpty() ? "always" : this.text;
	}

	private record Range(LocalTime start, LocalTime end) {

		/** {@link ZonedDateTime#of} moves a time in a spring-forward gap to after it. */
		ZonedDateTime startOn(LocalDate date, ZoneId zone) {
			return ZonedDateTime.of(date, this.start, zone);
		}

		ZonedDateTime endAfter(LocalDate date, ZoneId zone) {
			boolean crossesMidnight = !this.end.isAfter(this.start);
			return ZonedDateTime.of(crossesMidnight ? date.plusDays(1) : date, this.end, zone);
		}

	}

}
