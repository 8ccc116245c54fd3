package parc.routes.agentless;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import parc.agentlessadapter.inventory.RemoteInventory;
import parc.agentlessadapter.inventory.RemoteInventory.CpuFacts;
import parc.agentlessadapter.inventory.RemoteInventory.DiskFacts;
import parc.agentlessadapter.inventory.RemoteInventory.FilesystemFacts;
import parc.agentlessadapter.inventory.RemoteInventory.HardwareFacts;
import parc.agentlessadapter.inventory.RemoteInventory.InterfaceFacts;
import parc.agentlessadapter.inventory.RemoteInventory.IpAddress;
import parc.agentlessadapter.inventory.RemoteInventory.OsFacts;
import parc.agentlessadapter.inventory.RemoteInventory.PackageFacts;
import parc.orchestrator.inventory.InventoryDocument;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteInventoryMapperTest {

	private static RemoteInventory dellServer() {
		return new RemoteInventory(Instant.parse("2026-12-01T10:00:00Z"), "db-prod-2",
				new OsFacts("Red Hat Enterprise Linux 9.4 (Plow)", "9.4", "5.14.0-427.el9.x86_64", "x86_64", "Linux"),
				new HardwareFacts("Dell Inc.", "PowerEdge R640", "7XK2F33", "4c4c4544-0058", "Dell Inc.", "2.19.1",
						"06/21/2023"),
				List.of(new CpuFacts("Xeon Silver 4210", 10, 20, 2200), new CpuFacts("Xeon Silver 4210", 10, 20, 2200)),
				64L * 1024 * 1024 * 1024, 8L * 1024 * 1024 * 1024,
				List.of(new DiskFacts("sda", 480L * 1000 * 1000 * 1000, "INTEL SSD", "PHYS1234")),
				List.of(new FilesystemFacts("/dev/sda1", "xfs", "/boot", 1024L * 1024 * 1024, 512L * 1024 * 1024)),
				List.of(new InterfaceFacts("lo", null, List.of(new IpAddress("127.0.0.1", 8, "255.0.0.0")), null, true),
						new InterfaceFacts("ens192", "00:50:56:ab:cd:ef",
								List.of(new IpAddress("198.51.100.20", 25, "255.255.255.128"),
										new IpAddress("2001:db8::20", 64, null)),
								"198.51.100.1", true),
						new InterfaceFacts("ens224", "00:50:56:ab:cd:f0", List.of(), null, false)),
				List.of(new PackageFacts("bash", "5.1.8-9.el9", "x86_64", 7738634, "Red Hat, Inc.")));
	}

	@Test
	void shouldFillTheFieldsOcsAgentsFillInTheirUnits() {
		InventoryDocument document = RemoteInventoryMapper.toDocument(dellServer());

		assertThat(document.hardware()).containsEntry("name", "db-prod-2")
			.containsEntry("osname", "Red Hat Enterprise Linux 9.4 (Plow)")
			.containsEntry("osversion", "5.14.0-427.el9.x86_64")
			.containsEntry("memory", "65536")
			.containsEntry("swap", "8192")
			.containsEntry("processorn", "40")
			.containsEntry("processors", "2200")
			.containsEntry("ipaddr", "198.51.100.20")
			.containsEntry("defaultgateway", "198.51.100.1");
		assertThat(document.bios()).containsEntry("ssn", "7XK2F33").containsEntry("smodel", "PowerEdge R640");
		assertThat(document.drives()).containsExactly(
				Map.of("type", "/boot", "volumn", "/dev/sda1", "filesystem", "xfs", "total", "1024", "free", "512"));
		assertThat(document.storages()).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("disksize", "457763"));
		assertThat(document.software()).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("name", "bash").containsEntry("filesize", "7738634"));
	}

	@Test
	void shouldGiveOneNetworkRowPerAddressAndOneForAnInterfaceWithout() {
		List<Map<String, String>> networks = RemoteInventoryMapper.toDocument(dellServer()).networks();

		assertThat(networks).hasSize(4);
		assertThat(networks.get(1)).containsEntry("description", "ens192")
			.containsEntry("ipaddress", "198.51.100.20")
			.containsEntry("ipmask", "255.255.255.128")
			.containsEntry("ipsubnet", "198.51.100.0")
			.containsEntry("macaddr", "00:50:56:ab:cd:ef")
			.containsEntry("status", "Up");
		assertThat(networks.get(2)).containsEntry("ipaddress", "2001:db8::20").containsEntry("ipmask", "64");
		assertThat(networks.get(3)).containsEntry("description", "ens224")
			.containsEntry("status", "Down")
			.doesNotContainKey("ipaddress");
	}

}
