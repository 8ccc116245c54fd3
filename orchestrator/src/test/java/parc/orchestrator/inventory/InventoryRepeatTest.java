package parc.orchestrator.inventory;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeat inventories on real PostgreSQL: what the agent's CHECKSUM calls unchanged keeps
 * its stored copy, rows and history; what changed is written; any doubt writes it all.
 */
@PostgresBackedTest
class InventoryRepeatTest {

	static final int HARDWARE = 1;

	static final int SOFTWARES = 65536;

	static final int EVERY_SECTION = 1572863;

	@Autowired
	InventoryService inventories;

	@Autowired
	DuplicateService duplicates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldLeaveSoftwareUntouchedWhenOnlyHardwareIsFlagged() {
		String device = "rep-ada-2026-11-01-08-00-00";
		long machineId = store(laptop("rep-ada").withChecksum(EVERY_SECTION), device).machineId();
		List<String> softwareRows = rowVersions("inventory_software", machineId);
		List<String> networkRows = rowVersions("inventory_network", machineId);

		InventoryStored repeat = store(laptop("rep-ada").withChecksum(HARDWARE).withUptime("01-00-00 00:15:40"),
				device);

		assertThat(repeat.outcome()).isEqualTo(InventoryStored.Outcome.UPDATED);
		assertThat(repeat.changes()).isZero();
		assertThat(rowVersions("inventory_software", machineId)).isEqualTo(softwareRows);
		assertThat(rowVersions("inventory_network", machineId)).isEqualTo(networkRows);
		assertThat(this.inventories.history(machineId, new PageRequest(0, 25)).content()).isEmpty();
		assertThat(sectionIds(machineId, "software")).hasSize(2).containsOnly(sectionIds(machineId, "software").get(0));
		assertThat(sectionIds(machineId, "hardware")).doesNotHaveDuplicates().hasSize(2);
		assertThat(this.inventories.current(machineId)).hasValueSatisfying((inventory) -> {
			assertThat(inventory.document().hardwareField("description")).isEqualTo("x86_64/01-00-00 00:15:40");
			assertThat(inventory.document().software()).hasSize(3);
		});
	}

	@Test
	void shouldStoreFlaggedSoftwareChangeWithItsHistory() {
		String device = "rep-ben-2026-11-01-08-00-00";
		long machineId = store(laptop("rep-ben").withChecksum(EVERY_SECTION), device).machineId();
		List<String> softwareRows = rowVersions("inventory_software", machineId);
		List<String> networkRows = rowVersions("inventory_network", machineId);

		InventoryStored upgrade = store(
				laptop("rep-ben").withChecksum(HARDWARE | SOFTWARES).withSoftware("vim", "2:9.1.0-1"), device);

		assertThat(upgrade.changes()).isEqualTo(1);
		assertThat(rowVersions("inventory_software", machineId)).hasSize(3).doesNotContainAnyElementsOf(softwareRows);
		assertThat(rowVersions("inventory_network", machineId)).isEqualTo(networkRows);
		assertThat(this.inventories.history(machineId, new PageRequest(0, 25)).content()).singleElement()
			.satisfies((change) -> {
				assertThat(change.category()).isEqualTo(InventoryChange.Category.SOFTWARE);
				assertThat(change.item()).isEqualTo("vim");
				assertThat(change.oldValue()).isEqualTo("2:9.0.1378-2");
				assertThat(change.newValue()).isEqualTo("2:9.1.0-1");
			});
		assertThat(softwareVersion(machineId, "vim")).isEqualTo("2:9.1.0-1");
	}

	@Test
	void shouldStoreSectionThatDiffersEvenWhenAgentCallsItUnchanged() {
		String device = "rep-cid-2026-11-01-08-00-00";
		long machineId = store(laptop("rep-cid").withChecksum(EVERY_SECTION), device).machineId();

		// As after a restore of Parc's database: the agent compares with a later
		// inventory
		// than the one Parc holds.
		InventoryStored repeat = store(laptop("rep-cid").withChecksum(HARDWARE).withSoftware("git", "1:2.39.5-0"),
				device);

		assertThat(repeat.changes()).isEqualTo(1);
		assertThat(softwareVersion(machineId, "git")).isEqualTo("1:2.39.5-0");
		assertThat(this.inventories.current(machineId))
			.hasValueSatisfying((inventory) -> assertThat(inventory.document().software()).hasSize(4));
	}

	@Test
	void shouldKeepSectionAgentCallsUnchangedAndDidNotSend() {
		String device = "rep-dee-2026-11-01-08-00-00";
		long machineId = store(laptop("rep-dee").withChecksum(EVERY_SECTION), device).machineId();
		List<String> softwareRows = rowVersions("inventory_software", machineId);

		InventoryStored repeat = store(withoutPackages(laptop("rep-dee")).withChecksum(HARDWARE), device);

		assertThat(repeat.changes()).isZero();
		assertThat(rowVersions("inventory_software", machineId)).isEqualTo(softwareRows);
		assertThat(this.inventories.current(machineId))
			.hasValueSatisfying((inventory) -> assertThat(inventory.document().software()).hasSize(3));
		assertThat(this.jdbc.sql("select software_count from machine_inventory where machine_id = ?")
			.param(machineId)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	@Test
	void shouldRemoveSectionAgentFlagsAndNoLongerSends() {
		String device = "rep-eli-2026-11-01-08-00-00";
		long machineId = store(laptop("rep-eli").withChecksum(EVERY_SECTION), device).machineId();

		InventoryStored repeat = store(withoutPackages(laptop("rep-eli")).withChecksum(HARDWARE | SOFTWARES), device);

		assertThat(repeat.changes()).isEqualTo(3);
		assertThat(rowVersions("inventory_software", machineId)).isEmpty();
		assertThat(this.inventories.current(machineId))
			.hasValueSatisfying((inventory) -> assertThat(inventory.document().software()).isEmpty());
	}

	@Test
	void shouldWriteEverythingWhenAnotherAgentReportsForTheMachine() {
		long machineId = store(laptop("rep-fox").withChecksum(EVERY_SECTION), "rep-fox-2026-10-01-08-00-00")
			.machineId();
		List<String> softwareRows = rowVersions("inventory_software", machineId);

		// Reinstalled: a new DEVICEID, the same serial and MAC; its CHECKSUM speaks of
		// its
		// own last inventory, not of the one Parc holds.
		InventoryStored reinstalled = store(laptop("rep-fox").withChecksum(HARDWARE).withSoftware("vim", "2:9.1.0-1"),
				"rep-fox-2026-11-20-08-00-00");

		assertThat(reinstalled.machineId()).isEqualTo(machineId);
		assertThat(reinstalled.changes()).isEqualTo(1);
		assertThat(rowVersions("inventory_software", machineId)).hasSize(3).doesNotContainAnyElementsOf(softwareRows);
		assertThat(sectionIds(machineId, "software")).doesNotHaveDuplicates();
		assertThat(sectionIds(machineId, "networks")).doesNotHaveDuplicates();
	}

	@Test
	void shouldReadInventoryKeptWholeByAnOlderParcAndWriteTheNextOneInFull() {
		String device = "rep-gus-2026-11-01-08-00-00";
		long machineId = store(laptop("rep-gus").withChecksum(EVERY_SECTION), device).machineId();
		keptWholeAsBefore(machineId);
		assertThat(this.inventories.current(machineId))
			.hasValueSatisfying((inventory) -> assertThat(inventory.document().software()).hasSize(3));

		InventoryStored next = store(laptop("rep-gus").withChecksum(HARDWARE).withoutSoftware("curl"), device);

		assertThat(next.changes()).isEqualTo(1);
		assertThat(sectionIds(machineId, "hardware")).hasSize(1);
		assertThat(this.inventories.current(machineId))
			.hasValueSatisfying((inventory) -> assertThat(inventory.document().software()).hasSize(2));
	}

	@Test
	void shouldPruneSectionsNoKeptInventoryUses() {
		this.inventories.updateSettings(new InventorySettings(2, InventorySettings.defaults().duplicateCriteria()));
		try {
			String device = "rep-hal-2026-11-01-08-00-00";
			long machineId = store(laptop("rep-hal").withChecksum(EVERY_SECTION), device).machineId();
			for (int run = 1; run <= 4; run++) {
				store(laptop("rep-hal").withChecksum(HARDWARE).withUptime("00-00-0" + run + " 00:00:00"), device);
			}

			long hardwareRows = count(
					"select count(*) from inventory_section where machine_id = ? and name = 'hardware'", machineId);
			long softwareRows = count(
					"select count(*) from inventory_section where machine_id = ? and name = 'software'", machineId);
			assertThat(hardwareRows).isEqualTo(2);
			assertThat(softwareRows).isEqualTo(1);
		}
		finally {
			this.inventories.updateSettings(InventorySettings.defaults());
		}
	}

	@Test
	void shouldMoveSectionsWithMergedMachines() {
		long kept = store(laptop("rep-ivy").withChecksum(EVERY_SECTION), "rep-ivy-2026-11-01-08-00-00").machineId();
		long other = store(InventoryFixtures.debianLaptop("rep-ivy-2", "SN-rep-ivy-2", "02:00:00:00:99:02")
			.withChecksum(EVERY_SECTION)
			.withSoftware("emacs", "1:29.1"), "rep-ivy-2-2026-11-02-08-00-00").machineId();

		long survivor = this.duplicates.merge(List.of(kept, other));

		assertThat(survivor).isEqualTo(kept);
		assertThat(this.inventories.current(kept)).hasValueSatisfying(
				(inventory) -> assertThat(inventory.document().software()).extracting((row) -> row.get("name"))
					.contains("emacs"));
		assertThat(count("select count(*) from inventory_section where machine_id = ?", other)).isZero();
	}

	private InventoryFixtures.Builder laptop(String host) {
		return InventoryFixtures.debianLaptop(host, "SN-" + host,
				"02:00:00:00:99:" + Integer.toHexString(Math.abs(host.hashCode()) % 200 + 16));
	}

	private static InventoryFixtures.Builder withoutPackages(InventoryFixtures.Builder builder) {
		return builder.withoutSoftware("openssh-server").withoutSoftware("vim").withoutSoftware("curl");
	}

	private InventoryStored store(InventoryFixtures.Builder builder, String deviceId) {
		return this.inventories.store(builder.fromAgent(deviceId));
	}

	/**
	 * Each row's physical place and the transaction that wrote it: equal only if
	 * untouched.
	 */
	private List<String> rowVersions(String table, long machineId) {
		return this.jdbc
			.sql("select ctid::text || '/' || xmin::text from " + table + " where machine_id = ? order by ctid")
			.param(machineId)
			.query(String.class)
			.list();
	}

	/** The ids of a section in each kept inventory of the machine, oldest first. */
	private List<Long> sectionIds(long machineId, String section) {
		return this.jdbc.sql("""
				select cast(sections ->> ? as bigint) from inventory_snapshot
				where machine_id = ? and jsonb_exists(sections, ?) order by id
				""").params(section, machineId, section).query(Long.class).list();
	}

	private String softwareVersion(long machineId, String name) {
		return this.jdbc.sql("select version from inventory_software where machine_id = ? and name = ?")
			.params(machineId, name)
			.query(String.class)
			.single();
	}

	private long count(String sql, long machineId) {
		return this.jdbc.sql(sql).param(machineId).query(Long.class).single();
	}

	/**
	 * Turns the machine's latest inventory back into what an older Parc kept: the whole
	 * document as JSONB, no sections.
	 */
	private void keptWholeAsBefore(long machineId) {
		InventoryDocument document = this.inventories.current(machineId).orElseThrow().document();
		String json;
		try {
			json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(document);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		this.jdbc.sql("update inventory_snapshot set document = cast(? as jsonb), sections = null where machine_id = ?")
			.params(json, machineId)
			.update();
		this.jdbc.sql("delete from inventory_section where machine_id = ?").param(machineId).update();
		this.jdbc.sql("update machine_inventory set document_hash = 'sha-256 of the whole JSON' where machine_id = ?")
			.param(machineId)
			.update();
	}

}
