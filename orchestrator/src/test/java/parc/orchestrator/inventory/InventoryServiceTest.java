package parc.orchestrator.inventory;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory store on real PostgreSQL: identity across DEVICEIDs, history, retention,
 * and the ACCOUNTINFO round trip.
 */
@PostgresBackedTest
class InventoryServiceTest {

	@Autowired
	InventoryService inventories;

	@Autowired
	MachineService machines;

	@Autowired
	AdminDataService adminData;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void shouldRegisterNewAgentMachineWithItsFacts() {
		InventoryStored stored = this.inventories
			.store(InventoryFixtures.debianLaptop("laptop-anna", "SN-ANNA", "02:00:00:00:0a:01")
				.fromAgent("laptop-anna-2026-11-01-08-00-00"));

		Machine machine = this.machines.get(stored.machineId());
		assertThat(stored.outcome()).isEqualTo(InventoryStored.Outcome.FIRST);
		assertThat(stored.machineCreated()).isTrue();
		assertThat(machine.name()).isEqualTo("laptop-anna");
		assertThat(machine.channel()).isEqualTo(Channel.OCS_AGENT);
		assertThat(machine.osFamily()).isEqualTo(OsFamily.LINUX);
		assertThat(machine.address()).isEqualTo("192.0.2.20");
		assertThat(machine.macAddresses()).containsExactly("02:00:00:00:0A:01");
		assertThat(this.inventories.current(stored.machineId())).hasValueSatisfying((inventory) -> {
			assertThat(inventory.document().software()).hasSize(3);
			assertThat(inventory.deviceId()).isEqualTo("laptop-anna-2026-11-01-08-00-00");
		});
	}

	@Test
	void shouldMatchMachineRegisteredByHandInsteadOfDuplicatingIt() {
		Machine byHand = this.machines.register(new MachineDraft("kiosk-hall", "192.0.2.30", List.of(), OsFamily.LINUX,
				Channel.OCS_AGENT, null, null, null, List.of("hall"), "By the entrance", null));

		InventoryStored stored = this.inventories
			.store(InventoryFixtures.debianLaptop("KIOSK-HALL", "SN-KIOSK", "02:00:00:00:0b:01")
				.fromAgent("KIOSK-HALL-2026-11-01-08-00-00"));

		assertThat(stored.machineId()).isEqualTo(byHand.id());
		assertThat(stored.machineCreated()).isFalse();
		assertThat(this.machines.get(byHand.id()).notes()).isEqualTo("By the entrance");
	}

	@Test
	void shouldRecogniseReinstalledMachineBySerialAndMac() {
		InventoryStored first = this.inventories
			.store(InventoryFixtures.debianLaptop("desk-bruno", "SN-BRUNO", "02:00:00:00:0c:01")
				.fromAgent("desk-bruno-2026-10-01-08-00-00"));

		InventoryStored afterReinstall = this.inventories
			.store(InventoryFixtures.debianLaptop("desk-bruno-new", "SN-BRUNO", "02:00:00:00:0c:01")
				.fromAgent("desk-bruno-new-2026-11-15-09-00-00"));

		assertThat(afterReinstall.machineId()).isEqualTo(first.machineId());
		assertThat(afterReinstall.machineCreated()).isFalse();
	}

	@Test
	void shouldKeepTwoMachinesApartWhenSerialsDifferDespiteSameName() {
		InventoryStored first = this.inventories
			.store(InventoryFixtures.debianLaptop("lab-pc", "SN-LAB-1", "02:00:00:00:0d:01")
				.fromAgent("lab-pc-2026-10-01-08-00-00"));

		InventoryStored second = this.inventories
			.store(InventoryFixtures.debianLaptop("lab-pc", "SN-LAB-2", "02:00:00:00:0d:02")
				.fromAgent("lab-pc-2026-10-02-08-00-00"));

		assertThat(second.machineId()).isNotEqualTo(first.machineId());
		assertThat(this.machines.get(second.machineId()).name()).isEqualTo("lab-pc (lab-pc-2026-10-02-08-00-00)");
	}

	@Test
	void shouldTreatEveryNewDeviceIdAsNewMachineWithoutCriteria() {
		this.inventories.updateSettings(new InventorySettings(5, EnumSet.noneOf(DuplicateCriterion.class)));
		try {
			InventoryStored first = this.inventories
				.store(InventoryFixtures.debianLaptop("clone-pc", "SN-CLONE", "02:00:00:00:0e:01")
					.fromAgent("clone-pc-2026-10-01-08-00-00"));
			InventoryStored second = this.inventories
				.store(InventoryFixtures.debianLaptop("clone-pc", "SN-CLONE", "02:00:00:00:0e:01")
					.fromAgent("clone-pc-2026-10-03-08-00-00"));

			assertThat(second.machineId()).isNotEqualTo(first.machineId());
		}
		finally {
			this.inventories.updateSettings(InventorySettings.defaults());
		}
	}

	@Test
	void shouldRecordSoftwareChangesAndNothingForAnUntouchedMachine() {
		String device = "dev-carla-2026-11-01-08-00-00";
		long machineId = this.inventories
			.store(InventoryFixtures.debianLaptop("dev-carla", "SN-CARLA", "02:00:00:00:0f:01").fromAgent(device))
			.machineId();

		InventoryStored quiet = this.inventories
			.store(InventoryFixtures.debianLaptop("dev-carla", "SN-CARLA", "02:00:00:00:0f:01")
				.withUptime("00-00-01 00:00:00")
				.fromAgent(device));
		InventoryStored upgraded = this.inventories
			.store(InventoryFixtures.debianLaptop("dev-carla", "SN-CARLA", "02:00:00:00:0f:01")
				.withSoftware("vim", "2:9.1.0-1")
				.fromAgent(device));

		assertThat(quiet.outcome()).isEqualTo(InventoryStored.Outcome.UPDATED);
		assertThat(quiet.changes()).isZero();
		assertThat(upgraded.changes()).isEqualTo(1);
		assertThat(this.inventories.history(machineId, new PageRequest(0, 25)).content()).singleElement()
			.satisfies((change) -> {
				assertThat(change.item()).isEqualTo("vim");
				assertThat(change.newValue()).isEqualTo("2:9.1.0-1");
			});
	}

	@Test
	void shouldKeepOnlyConfiguredNumberOfInventories() {
		this.inventories.updateSettings(new InventorySettings(2, InventorySettings.defaults().duplicateCriteria()));
		try {
			String device = "kept-dan-2026-11-01-08-00-00";
			long machineId = 0;
			for (int run = 1; run <= 4; run++) {
				machineId = this.inventories
					.store(InventoryFixtures.debianLaptop("kept-dan", "SN-DAN", "02:00:00:00:10:01")
						.withUptime("00-00-0" + run + " 00:00:00")
						.fromAgent(device))
					.machineId();
			}

			assertThat(this.inventories.current(machineId))
				.hasValueSatisfying((inventory) -> assertThat(inventory.inventoriesKept()).isEqualTo(2));
		}
		finally {
			this.inventories.updateSettings(InventorySettings.defaults());
		}
	}

	@Test
	void shouldRemoveInventoryRowsWithTheirMachine() {
		long machineId = this.inventories
			.store(InventoryFixtures.debianLaptop("gone-fay", "SN-FAY", "02:00:00:00:12:01")
				.fromAgent("gone-fay-2026-11-01-08-00-00"))
			.machineId();

		this.machines.delete(machineId);

		for (String table : List.of("inventory_software", "inventory_network", "inventory_drive", "inventory_snapshot",
				"machine_inventory", "agent_device")) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " where machine_id = ?")
				.param(machineId)
				.query(Long.class)
				.single()).as(table).isZero();
		}
	}

	@Test
	void shouldAdoptAgentFieldValuesOnlyWhenOfTheFieldsType() {
		String key = "bought" + java.util.UUID.randomUUID().toString().substring(0, 4);
		this.adminData.createField(key, "Bought on", AdminFieldType.DATE);
		InventoryFixtures.Builder laptop = InventoryFixtures.debianLaptop("typed-gil", "SN-GIL", "02:00:00:00:13:01");
		InventoryReport report = laptop.fromAgent("typed-gil-2026-11-01-08-00-00");
		InventoryDocument document = report.document();
		InventoryDocument withFields = new InventoryDocument(document.hardware(), document.bios(), document.cpus(),
				document.memories(), document.storages(), document.drives(), document.networks(), document.software(),
				document.videos(), document.monitors(), document.printers(), document.users(), document.localUsers(),
				document.localGroups(), document.otherSections(), List.of(new AccountValue(key, "last tuesday")),
				document.downloadHistory());

		InventoryStored stored = this.inventories.store(
				new InventoryReport(InventorySource.OCS_AGENT, report.deviceId(), report.agentVersion(), withFields));

		assertThat(this.adminData.get(stored.machineId()).fields()).doesNotContainKey(key);
		assertThat(stored.accountUpdate()).isEmpty();
	}

	@Test
	void shouldAdoptFirstTagThenSendParcValuesBack() {
		String device = "tagged-eve-2026-11-01-08-00-00";
		InventoryStored first = this.inventories
			.store(InventoryFixtures.debianLaptop("tagged-eve", "SN-EVE", "02:00:00:00:11:01")
				.withTag("LYON")
				.fromAgent(device));
		assertThat(first.accountUpdate()).isNull();
		assertThat(this.adminData.get(first.machineId()).tag()).isEqualTo("LYON");

		this.adminData.update(first.machineId(), new AdminData("PARIS", java.util.Map.of()));
		InventoryStored next = this.inventories
			.store(InventoryFixtures.debianLaptop("tagged-eve", "SN-EVE", "02:00:00:00:11:01")
				.withTag("LYON")
				.fromAgent(device));

		assertThat(next.accountUpdate()).containsExactly(new AccountValue("TAG", "PARIS"));
	}

}
