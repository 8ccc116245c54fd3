package parc.orchestrator.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.schedules.*}.
 *
 * @param minInterval the shortest gap allowed between two fires of a cron (1 minute)
 * @param timeZone the zone crons and allowed hours are read in (the server's when empty)
 */
@ConfigurationProperties("parc.schedules")
public record ScheduleProperties(Duration minInterval, ZoneId timeZone) {

	public ScheduleProperties {
		minInterval = (minInterval != null) ? minInterval : Duration.ofMinutes(1);
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

}
