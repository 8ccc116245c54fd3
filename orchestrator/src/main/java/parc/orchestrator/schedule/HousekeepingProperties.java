package parc.orchestrator.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parc.housekeeping.*}: how long a housekeeping run keeps each kind of data.
 * Machine imports follow {@code parc.machine-import.keep-days}.
 *
 * @param inventoryHistoryDays changes in machines' inventory histories (365)
 * @param quickActionDays quick-action runs with their outputs (90)
 * @param pulledFileDays pulled files and their records (30)
 */
@ConfigurationProperties("parc.housekeeping")
public record HousekeepingProperties(Integer inventoryHistoryDays, Integer quickActionDays, Integer pulledFileDays) {

	public HousekeepingProperties {
		inventoryHistoryDays = atLeastOne("inventory-history-days", inventoryHistoryDays, 365);
		quickActionDays = atLeastOne("quick-action-days", quickActionDays, 90);
		pulledFileDays = atLeastOne("pulled-file-days", pulledFileDays, 30);
	}

	private static int atLeastOne(String name, Integer days, int otherwise) {
		if (days == null) {
			return otherwise;
		}
		if (days < 1) {
			throw new IllegalArgumentException("parc.housekeeping." + name + " must be at least 1 day, not " + days);
		}
		return days;
	}

}
