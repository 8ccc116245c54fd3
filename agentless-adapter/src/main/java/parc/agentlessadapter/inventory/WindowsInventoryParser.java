package parc.agentlessadapter.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import parc.agentlessadapter.inventory.RemoteInventory.CpuFacts;
import parc.agentlessadapter.inventory.RemoteInventory.DiskFacts;
import parc.agentlessadapter.inventory.RemoteInventory.FilesystemFacts;
import parc.agentlessadapter.inventory.RemoteInventory.HardwareFacts;
import parc.agentlessadapter.inventory.RemoteInventory.InterfaceFacts;
import parc.agentlessadapter.inventory.RemoteInventory.IpAddress;
import parc.agentlessadapter.inventory.RemoteInventory.OsFacts;
import parc.agentlessadapter.inventory.RemoteInventory.PackageFacts;

/**
 * Reads the PowerShell collection script's sections: {@code key=value} lines for
 * Win32_OperatingSystem, Win32_ComputerSystem and Win32_BIOS, tab-separated rows for
 * processors, disks, volumes, adapters and the uninstall keys' programs.
 */
final class WindowsInventoryParser {

	private WindowsInventoryParser() {
	}

	static RemoteInventory parse(String output, Instant collectedAt) {
		Sections sections = Sections.parse(output);
		Map<String, String> os = sections.values("win-os");
		Map<String, String> system = sections.values("win-system");
		List<String> hostname = sections.lines("hostname");
		return new RemoteInventory(collectedAt, hostname.isEmpty() ? null : hostname.get(0).trim(),
				new OsFacts(Sections.blankToNull(os.get("name")), Sections.blankToNull(os.get("version")),
						Sections.blankToNull(os.get("build")), Sections.blankToNull(os.get("architecture")), "Windows"),
				new HardwareFacts(Sections.blankToNull(system.get("vendor")), Sections.blankToNull(system.get("model")),
						Sections.blankToNull(system.get("serial")), Sections.blankToNull(system.get("uuid")),
						Sections.blankToNull(system.get("bios_vendor")),
						Sections.blankToNull(system.get("bios_version")),
						Sections.blankToNull(system.get("bios_date"))),
				cpus(sections.lines("win-cpu")), Sections.parseLong(os.get("memory_kb")) * 1024,
				Sections.parseLong(os.get("swap_kb")) * 1024, disks(sections.lines("win-disk")),
				volumes(sections.lines("win-volume")), interfaces(sections.lines("win-net")),
				programs(sections.lines("win-programs")));
	}

	private static String[] columns(String line, int count) {
		String[] parts = line.split("\t", -1);
		String[] columns = new String[count];
		for (int i = 0; i < count; i++) {
			columns[i] = (i < parts.length) ? Sections.blankToNull(parts[i]) : null;
		}
		return columns;
	}

	private static List<CpuFacts> cpus(List<String> lines) {
		List<CpuFacts> cpus = new ArrayList<>();
		for (String line : lines) {
			String[] c = columns(line, 4);
			cpus.add(new CpuFacts(c[0], (int) Sections.parseLong(c[1]), (int) Sections.parseLong(c[2]),
					(int) Sections.parseLong(c[3])));
		}
		return cpus;
	}

	private static List<DiskFacts> disks(List<String> lines) {
		List<DiskFacts> disks = new ArrayList<>();
		for (String line : lines) {
			String[] c = columns(line, 4);
			disks.add(new DiskFacts(c[0], Sections.parseLong(c[1]), c[2], c[3]));
		}
		return disks;
	}

	private static List<FilesystemFacts> volumes(List<String> lines) {
		List<FilesystemFacts> volumes = new ArrayList<>();
		for (String line : lines) {
			String[] c = columns(line, 4);
			volumes.add(new FilesystemFacts(c[0], c[1], c[0], Sections.parseLong(c[2]), Sections.parseLong(c[3])));
		}
		return volumes;
	}

	private static List<InterfaceFacts> interfaces(List<String> lines) {
		List<InterfaceFacts> interfaces = new ArrayList<>();
		for (String line : lines) {
			String[] c = columns(line, 5);
			String[] ips = (c[2] != null) ? c[2].split(",") : new String[0];
			String[] masks = (c[3] != null) ? c[3].split(",") : new String[0];
			List<IpAddress> addresses = new ArrayList<>();
			for (int i = 0; i < ips.length; i++) {
				String mask = (i < masks.length) ? masks[i] : null;
				boolean v4 = ips[i].contains(".");
				int prefix = v4 ? prefixOf(mask) : (int) Sections.parseLong(mask);
				addresses.add(new IpAddress(ips[i], prefix, v4 ? mask : null));
			}
			String gateway = (c[4] != null) ? c[4].split(",")[0] : null;
			String mac = (c[1] != null) ? c[1].toLowerCase().replace('-', ':') : null;
			interfaces.add(new InterfaceFacts(c[0], mac, addresses, gateway, true));
		}
		return interfaces;
	}

	private static int prefixOf(String mask) {
		if (mask == null) {
			return 32;
		}
		int bits = 0;
		for (String octet : mask.split("\\.")) {
			bits += Integer.bitCount((int) Sections.parseLong(octet) & 255);
		}
		return bits;
	}

	private static List<PackageFacts> programs(List<String> lines) {
		List<PackageFacts> programs = new ArrayList<>();
		for (String line : lines) {
			String[] c = columns(line, 5);
			if (c[0] != null) {
				// EstimatedSize is in KiB.
				programs.add(new PackageFacts(c[0], c[1], c[2], Sections.parseLong(c[3]) * 1024, c[4]));
			}
		}
		return programs;
	}

}
