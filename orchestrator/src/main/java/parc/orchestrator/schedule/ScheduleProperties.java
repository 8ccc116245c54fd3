package parc.orchestrator.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.schedules.*}.
 *
 * @param minInterval the shortest gap allowed between two fires of a cron (1 minute)
 * @param timeZone the zone crons and allowed hours are read in (the server's when empty)
 * @param inventoryAttempts collections tried per machine in a periodic inventory (2)
 * @param inventoryRetryDelay the wait between two of them (5 minutes)
 */
@ConfigurationProperties("parc.schedules")
public record ScheduleProperties(Duration minInterval, ZoneId timeZone, Integer inventoryAttempts,
		Duration inventoryRetryDelay) {

	public ScheduleProperties {
		inventoryAttempts = (inventoryAttempts != null) ? inventoryAttempts : 2;
		if (inventoryAttempts < 1) {
			throw new IllegalArgumentException(
					"parc.schedules.inventory-attempts must be at least 1, not " + inventoryAttempts);
		}
		inventoryRetryDelay = (inventoryRetryDelay != null) ? inventoryRetryDelay : Duration.ofMinutes(5);
		minInterval = (minInterval != null) ? minInterval : Duration.ofMinutes(1);
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

}
