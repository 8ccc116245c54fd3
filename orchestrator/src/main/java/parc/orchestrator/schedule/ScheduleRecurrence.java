package parc.orchestrator.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quartz.CronExpression;

/**
 * When a schedule fires: a Quartz cron expression (seconds first, as
 * {@code 0 30 3 * * ?}), or every so many hours. Exactly one of the two.
 *
 * @param cron a Quartz cron expression, or null
 * @param everyHours hours between fires (1 to {@value #MAX_EVERY_HOURS}), or null
 */
public record ScheduleRecurrence(String cron, Integer everyHours) {

	/** A month: a schedule rarer than that is better run by hand. */
	public static final int MAX_EVERY_HOURS = 744;

	/**
	 * Enough fires to see a cron's shortest gap: one that fires twice a day close
	 * together shows it within the first two days.
	 */
	private static final int FIRES_CHECKED = 50;

	private static final Pattern FIELD = Pattern.compile("\\S+");

	/** Seconds, minutes, hours, day of month, month, day of week: each valid alone. */
	private static final String[] FILLERS = { "0", "0", "0", "?", "*", "*" };

	public ScheduleRecurrence {
		cron = (cron == null || cron.isBlank()) ? null : cron.trim();
		if ((cron == null) == (everyHours == null)) {
			throw new InvalidScheduleException("cron",
					"Give either a cron expression or a number of hours, not " + ((cron == null) ? "neither" : "both"));
		}
		if (cron != null) {
			expression(cron, ZoneId.of("UTC"));
		}
		else if (everyHours < 1 || everyHours > MAX_EVERY_HOURS) {
			throw new InvalidScheduleException("everyHours",
					"Every " + everyHours + " hours: give 1 to " + MAX_EVERY_HOURS + " hours");
		}
	}

	public static ScheduleRecurrence cron(String cron) {
		return new ScheduleRecurrence(cron, null);
	}

	public static ScheduleRecurrence everyHours(int hours) {
		return new ScheduleRecurrence(null, hours);
	}

	/**
	 * The next fire times after an instant, as Quartz will fire them.
	 * @param after the instant to count from (excluded)
	 * @param zone the time zone a cron's hours are read in
	 * @param count how many
	 */
	public List<Instant> nextFireTimes(Instant after, ZoneId zone, int count) {
		List<Instant> times = new ArrayList<>(count);
		if (this.everyHours != null) {
			for (int i = 1; i <= count; i++) {
				times.add(after.plus(Duration.ofHours((long) this.everyHours * i)));
			}
			return times;
		}
		CronExpression expression = expression(this.cron, zone);
		Date next = Date.from(after);
		while (times.size() < count) {
			next = expression.getNextValidTimeAfter(next);
			if (next == null) {
				break;
			}
			times.add(next.toInstant());
		}
		return times;
	}

	/**
	 * Refuses a recurrence that never fires again, or fires more often than allowed: a
	 * fire every second would fill the run history and the engine with work that overlaps
	 * itself.
	 * @throws InvalidScheduleException naming the shortest gap found
	 */
	public void checkFiresAtMostEvery(Duration minimum, Instant now, ZoneId zone) {
		List<Instant> fires = nextFireTimes(now, zone, FIRES_CHECKED);
		if (fires.isEmpty()) {
			throw new InvalidScheduleException("cron", "The cron expression \"" + this.cron + "\" never fires again");
		}
		for (int i = 1; i < fires.size(); i++) {
			Duration gap = Duration.between(fires.get(i - 1), fires.get(i));
			if (gap.compareTo(minimum) < 0) {
				throw new InvalidScheduleException("cron",
						"The cron expression \"" + this.cron + "\" fires " + seconds(gap)
								+ " apart, more often than once every " + seconds(minimum)
								+ " (parc.schedules.min-interval)");
			}
		}
	}

	/**
	 * Quartz gives the offset within the faulty field, not which field: the faulty one is
	 * the first whose expression, completed with harmless fields after it, no longer
	 * parses.
	 */
	private static int errorPosition(String cron, ParseException error) {
		Matcher token = FIELD.matcher(cron);
		List<int[]> fields = new ArrayList<>();
		while (token.find()) {
			fields.add(new int[] { token.start(), token.end() });
		}
		for (int k = 1; k <= Math.min(fields.size(), FILLERS.length); k++) {
			StringBuilder candidate = new StringBuilder(cron.substring(0, fields.get(k - 1)[1]));
			String dayOfMonth = (k > 3) ? cron.substring(fields.get(3)[0], fields.get(3)[1]) : "?";
			for (int i = k; i < FILLERS.length; i++) {
				String filler = (i == 5 && !"?".equals(dayOfMonth)) ? "?" : FILLERS[i];
				candidate.append(' ').append(filler);
			}
			try {
				new CronExpression(candidate.toString());
			}
			catch (ParseException ex) {
				int[] field = fields.get(k - 1);
				return Math.min(field[0] + Math.max(0, ex.getErrorOffset()), field[1] - 1);
			}
		}
		return cron.length();
	}

	private static String seconds(Duration duration) {
		return duration.toSeconds() + " s";
	}

	/**
	 * @throws InvalidScheduleException with Quartz's reason and the position it points at
	 */
	static CronExpression expression(String cron, ZoneId zone) {
		try {
			CronExpression expression = new CronExpression(cron);
			expression.setTimeZone(TimeZone.getTimeZone(zone));
			return expression;
		}
		catch (ParseException ex) {
			int position = errorPosition(cron, ex);
			throw new InvalidScheduleException("cron",
					"The cron expression \"" + cron + "\" is not valid"
							+ ((position >= 0) ? " at position " + (position + 1) : "") + ": " + ex.getMessage()
							+ ". Quartz's form has six or seven fields, seconds first: 0 30 3 * * ?",
					position);
		}
	}

}
