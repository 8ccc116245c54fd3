package parc.orchestrator.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineNetworksReportedTest {

	@Test
	void shouldKeepTheCardsThatHaveAnAddressAndSkipTheOthers() {
		Map<String, String> withoutAddress = new LinkedHashMap<>(
				Map.of("description", "ifb0", "macaddr", "0e:d5:8e:8b:34:2c"));
		Map<String, String> blankAddress = new LinkedHashMap<>(Map.of("description", "ifb1", "ipaddress", " "));
		Map<String, String> eth0 = Map.of("description", "eth0", "ipaddress", "198.51.100.2", "ipmask", "255.255.255.0",
				"macaddr", "02:fc:00:00:00:01");
		InventoryDocument document = new InventoryDocument(Map.of(), Map.of(), null, null, null, null,
				List.of(withoutAddress, blankAddress, eth0), null, null, null, null, null, null, null, null, null,
				null);

		MachineNetworksReported reported = MachineNetworksReported.of(42, document);

		assertThat(reported.machineId()).isEqualTo(42);
		assertThat(reported.cards())
			.containsExactly(new MachineNetworksReported.Card("198.51.100.2", "255.255.255.0", "02:fc:00:00:00:01"));
	}

}
