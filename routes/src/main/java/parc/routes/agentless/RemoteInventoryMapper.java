package parc.routes.agentless;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import parc.agentlessadapter.inventory.RemoteInventory;
import parc.agentlessadapter.inventory.RemoteInventory.CpuFacts;
import parc.agentlessadapter.inventory.RemoteInventory.InterfaceFacts;
import parc.agentlessadapter.inventory.RemoteInventory.IpAddress;
import parc.orchestrator.inventory.InventoryDocument;

/**
 * Puts an agentless inventory into the OCS-shaped model agents fill, with the agents'
 * field names and units (memory and disk sizes in MB, software sizes in bytes), so that
 * the console, searches and history treat both channels alike.
 */
final class RemoteInventoryMapper {

	private static final long MB = 1024L * 1024;

	private RemoteInventoryMapper() {
	}

	static InventoryDocument toDocument(RemoteInventory inventory) {
		return new InventoryDocument(hardware(inventory), bios(inventory), cpus(inventory), null, storages(inventory),
				drives(inventory), networks(inventory), software(inventory), null, null, null, null, null, null, null,
				null, null);
	}

	private static Map<String, String> hardware(RemoteInventory inventory) {
		Map<String, String> hardware = new LinkedHashMap<>();
		put(hardware, "name", inventory.hostname());
		put(hardware, "osname", inventory.os().name());
		// As the OCS Unix agent: OSVERSION is the kernel release, OSCOMMENTS the
		// distribution's version.
		put(hardware, "osversion", inventory.os().kernel());
		put(hardware, "oscomments", inventory.os().version());
		put(hardware, "arch", inventory.os().architecture());
		if (inventory.os().architecture() != null) {
			put(hardware, "description", inventory.os().architecture() + "/");
		}
		put(hardware, "memory", sizeMb(inventory.memoryBytes()));
		put(hardware, "swap", sizeMb(inventory.swapBytes()));
		put(hardware, "uuid", inventory.hardware().uuid());
		if (!inventory.cpus().isEmpty()) {
			CpuFacts cpu = inventory.cpus().get(0);
			put(hardware, "processort", cpu.model());
			put(hardware, "processors", (cpu.mhz() > 0) ? Integer.toString(cpu.mhz()) : null);
			put(hardware, "processorn", Integer.toString(inventory.cpus().stream().mapToInt(CpuFacts::threads).sum()));
		}
		inventory.interfaces()
			.stream()
			.filter((nic) -> !"lo".equals(nic.name()))
			.flatMap((nic) -> nic.addresses().stream())
			.filter((address) -> address.mask() != null && !address.address().startsWith("127."))
			.findFirst()
			.ifPresent((address) -> put(hardware, "ipaddr", address.address()));
		inventory.interfaces()
			.stream()
			.map(InterfaceFacts::gateway)
			.filter((gateway) -> gateway != null)
			.findFirst()
			.ifPresent((gateway) -> put(hardware, "defaultgateway", gateway));
		return hardware;
	}

	private static Map<String, String> bios(RemoteInventory inventory) {
		Map<String, String> bios = new LinkedHashMap<>();
		put(bios, "smanufacturer", inventory.hardware().vendor());
		put(bios, "smodel", inventory.hardware().model());
		put(bios, "ssn", inventory.hardware().serial());
		put(bios, "bmanufacturer", inventory.hardware().biosVendor());
		put(bios, "bversion", inventory.hardware().biosVersion());
		put(bios, "bdate", inventory.hardware().biosDate());
		return bios;
	}

	private static List<Map<String, String>> cpus(RemoteInventory inventory) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (CpuFacts cpu : inventory.cpus()) {
			Map<String, String> row = new LinkedHashMap<>();
			put(row, "type", cpu.model());
			put(row, "cores", Integer.toString(cpu.cores()));
			put(row, "logical_cpus", Integer.toString(cpu.threads()));
			put(row, "speed", (cpu.mhz() > 0) ? Integer.toString(cpu.mhz()) : null);
			put(row, "cpuarch", inventory.os().architecture());
			rows.add(row);
		}
		return rows;
	}

	private static List<Map<String, String>> storages(RemoteInventory inventory) {
		return inventory.disks().stream().map((disk) -> {
			Map<String, String> row = new LinkedHashMap<>();
			put(row, "name", disk.name());
			put(row, "type", "disk");
			put(row, "disksize", sizeMb(disk.sizeBytes()));
			put(row, "model", disk.model());
			put(row, "serialnumber", disk.serial());
			return row;
		}).toList();
	}

	private static List<Map<String, String>> drives(RemoteInventory inventory) {
		return inventory.filesystems().stream().map((fs) -> {
			Map<String, String> row = new LinkedHashMap<>();
			// OCS Unix agents put the mount point in TYPE and the device in VOLUMN.
			put(row, "type", fs.mountPoint());
			put(row, "volumn", fs.device());
			put(row, "filesystem", fs.type());
			put(row, "total", sizeMb(fs.totalBytes()));
			put(row, "free", sizeMb(fs.freeBytes()));
			return row;
		}).toList();
	}

	/**
	 * One row per interface and address, as OCS agents send them; an interface without
	 * address still gets one.
	 */
	private static List<Map<String, String>> networks(RemoteInventory inventory) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (InterfaceFacts nic : inventory.interfaces()) {
			List<IpAddress> addresses = nic.addresses().isEmpty() ? java.util.Collections.singletonList(null)
					: nic.addresses();
			for (IpAddress address : addresses) {
				Map<String, String> row = new LinkedHashMap<>();
				put(row, "description", nic.name());
				put(row, "type", "lo".equals(nic.name()) ? "loopback" : "ethernet");
				put(row, "macaddr", nic.mac());
				put(row, "status", (nic.up() == null) ? null : (nic.up() ? "Up" : "Down"));
				if (address != null) {
					put(row, "ipaddress", address.address());
					put(row, "ipmask",
							(address.mask() != null) ? address.mask() : Integer.toString(address.prefixLength()));
					put(row, "ipsubnet", (address.mask() != null) ? subnet(address.address(), address.mask()) : null);
				}
				put(row, "ipgateway", nic.gateway());
				rows.add(row);
			}
		}
		return rows;
	}

	private static List<Map<String, String>> software(RemoteInventory inventory) {
		String origin = "Windows".equals(inventory.os().family()) ? "registry" : "package manager";
		return inventory.packages().stream().map((pkg) -> {
			Map<String, String> row = new LinkedHashMap<>();
			put(row, "name", pkg.name());
			put(row, "version", pkg.version());
			put(row, "architecture", pkg.architecture());
			put(row, "publisher", pkg.publisher());
			put(row, "filesize", (pkg.sizeBytes() > 0) ? Long.toString(pkg.sizeBytes()) : null);
			put(row, "from", origin);
			return row;
		}).toList();
	}

	static String subnet(String address, String mask) {
		String[] a = address.split("\\.");
		String[] m = mask.split("\\.");
		if (a.length != 4 || m.length != 4) {
			return null;
		}
		StringBuilder subnet = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			subnet.append(i > 0 ? "." : "").append(Integer.parseInt(a[i]) & Integer.parseInt(m[i]));
		}
		return subnet.toString();
	}

	private static String sizeMb(long bytes) {
		return (bytes > 0) ? Long.toString(bytes / MB) : null;
	}

	private static void put(Map<String, String> row, String field, String value) {
		if (value != null && !value.isBlank()) {
			row.put(field, value);
		}
	}

}
