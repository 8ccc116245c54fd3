package parc.orchestrator.inventory;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents write numbers as text, with units and fractions (protocol §3.2). */
class InventorySummaryTest {

	@Test
	void shouldReadLeadingNumberOfAgentText() {
		assertThat(InventorySummary.decimal("274877.906944")).isEqualByComparingTo("274877.906944");
		assertThat(InventorySummary.decimal("1000 Mbps")).isEqualByComparingTo("1000");
		assertThat(InventorySummary.longValue("24105")).isEqualTo(24105L);
		assertThat(InventorySummary.integer("2400")).isEqualTo(2400);
	}

	@Test
	void shouldTurnNonsenseIntoNullRatherThanRefuseTheInventory() {
		assertThat(InventorySummary.decimal("unknown")).isNull();
		assertThat(InventorySummary.decimal("9".repeat(25))).isNull();
		assertThat(InventorySummary.integer("99999999999")).isNull();
		assertThat(InventorySummary.decimal(null)).isNull();
	}

	@Test
	void shouldSumDrivesAndTakeArchitectureFromDescription() {
		InventorySummary summary = InventorySummary
			.of(InventoryFixtures.debianLaptop("pc-1", "SN1", "02:00:00:00:00:01").build());

		assertThat(summary.diskTotalMb()).isEqualByComparingTo(new BigDecimal("100000"));
		assertThat(summary.diskFreeMb()).isEqualByComparingTo(new BigDecimal("50000"));
		assertThat(summary.architecture()).isEqualTo("x86_64");
		assertThat(summary.memoryMb()).isEqualTo(16000L);
	}

}
