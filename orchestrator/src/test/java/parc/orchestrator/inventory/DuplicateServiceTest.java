package parc.orchestrator.inventory;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class DuplicateServiceTest {

	@Autowired
	DuplicateService duplicates;

	@Autowired
	InventoryService inventories;

	@Autowired
	AdminDataService adminData;

	@Autowired
	MachineService machines;

	@Test
	void shouldListMachinesSharingSerialAndMergeIntoTheOldest() {
		String serial = "SN-DUP-" + UUID.randomUUID().toString().substring(0, 6);
		long older;
		long newer;
		this.inventories.updateSettings(new InventorySettings(5, EnumSet.noneOf(DuplicateCriterion.class)));
		try {
			older = this.inventories
				.store(InventoryFixtures.debianLaptop("dup-old-" + serial, serial, "02:00:00:00:20:01")
					.fromAgent("dup-old-2026-10-01-08-00-00"))
				.machineId();
			newer = this.inventories
				.store(InventoryFixtures.debianLaptop("dup-new-" + serial, serial, "02:00:00:00:20:02")
					.withSoftware("htop", "3.2.2-2")
					.fromAgent("dup-new-2026-11-01-08-00-00"))
				.machineId();
		}
		finally {
			this.inventories.updateSettings(InventorySettings.defaults());
		}
		this.adminData.update(older, new AdminData("KEEP-ME", Map.of()));
		this.adminData.update(newer, new AdminData("DROP-ME", Map.of()));

		List<DuplicateGroup> groups = this.duplicates.candidates(DuplicateCriterion.SERIAL);

		assertThat(groups).filteredOn((group) -> group.value().equals(serial.toLowerCase()))
			.singleElement()
			.satisfies((group) -> assertThat(group.machines()).extracting(DuplicateGroup.Member::machineId)
				.containsExactly(older, newer));

		long kept = this.duplicates.merge(List.of(newer, older));

		assertThat(kept).isEqualTo(older);
		assertThatThrownBy(() -> this.machines.get(newer)).isInstanceOf(MachineNotFoundException.class);
		assertThat(this.adminData.get(older).tag()).isEqualTo("KEEP-ME");
		assertThat(this.inventories.machineOfDevice("dup-new-2026-11-01-08-00-00")).contains(older);
		assertThat(this.inventories.current(older)).hasValueSatisfying((inventory) -> {
			assertThat(inventory.deviceId()).isEqualTo("dup-new-2026-11-01-08-00-00");
			assertThat(inventory.document().software()).extracting((row) -> row.get("name")).contains("htop");
		});
	}

	@Test
	void shouldRefuseToMergeOneMachine() {
		assertThatThrownBy(() -> this.duplicates.merge(List.of(1L, 1L))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Choose at least two machines to merge");
	}

}
