package parc.orchestrator.inventory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import parc.orchestrator.inventory.InventoryChange.Category;
import parc.orchestrator.inventory.InventoryChange.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InventoryDiffTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void shouldSeeNoChangeWhenOnlyUptimeAndFreeSpaceMoved() {
		InventoryDocument before = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01").build();
		InventoryDocument after = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01")
			.withUptime("00-00-01 02:03:04")
			.withFreeSpace("49000")
			.build();

		assertThat(InventoryDiff.between(before, after, NOW)).isEmpty();
	}

	@Test
	void shouldListSoftwareAddedRemovedAndUpgraded() {
		InventoryDocument before = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01").build();
		InventoryDocument after = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01")
			.withSoftware("vim", "2:9.1.0-1")
			.withoutSoftware("curl")
			.withSoftware("htop", "3.2.2-2")
			.build();

		List<InventoryChange> changes = InventoryDiff.between(before, after, NOW);

		assertThat(changes)
			.extracting(InventoryChange::category, InventoryChange::kind, InventoryChange::item,
					InventoryChange::oldValue, InventoryChange::newValue)
			.containsExactlyInAnyOrder(tuple(Category.SOFTWARE, Kind.CHANGED, "vim", "2:9.0.1378-2", "2:9.1.0-1"),
					tuple(Category.SOFTWARE, Kind.REMOVED, "curl", "7.88.1-10", null),
					tuple(Category.SOFTWARE, Kind.ADDED, "htop", null, "3.2.2-2"));
	}

	@Test
	void shouldRecordHardwareFieldChange() {
		InventoryDocument before = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01").build();
		InventoryDocument after = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01")
			.withMemory("32000")
			.build();

		assertThat(InventoryDiff.between(before, after, NOW)).singleElement()
			.satisfies((change) -> assertThat(change)
				.extracting(InventoryChange::category, InventoryChange::item, InventoryChange::oldValue,
						InventoryChange::newValue)
				.containsExactly(Category.HARDWARE, "hardware.memory", "16000", "32000"));
	}

	@Test
	void shouldRecordNetworkCardSwapAsRemovalAndAddition() {
		InventoryDocument before = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01").build();
		InventoryDocument after = InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:02").build();

		assertThat(InventoryDiff.between(before, after, NOW))
			.extracting(InventoryChange::category, InventoryChange::kind)
			.containsExactlyInAnyOrder(tuple(Category.NETWORK, Kind.REMOVED), tuple(Category.NETWORK, Kind.ADDED));
	}

}
