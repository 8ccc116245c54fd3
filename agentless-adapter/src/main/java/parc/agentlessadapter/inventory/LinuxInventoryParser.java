package parc.agentlessadapter.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import parc.agentlessadapter.inventory.RemoteInventory.CpuFacts;
import parc.agentlessadapter.inventory.RemoteInventory.DiskFacts;
import parc.agentlessadapter.inventory.RemoteInventory.FilesystemFacts;
import parc.agentlessadapter.inventory.RemoteInventory.HardwareFacts;
import parc.agentlessadapter.inventory.RemoteInventory.InterfaceFacts;
import parc.agentlessadapter.inventory.RemoteInventory.IpAddress;
import parc.agentlessadapter.inventory.RemoteInventory.OsFacts;
import parc.agentlessadapter.inventory.RemoteInventory.PackageFacts;

/**
 * Reads the Linux collection script's sections: the raw output of
 * {@code /etc/os-release}, {@code /proc}, {@code lsblk -P}, {@code df -PkT},
 * {@code ip -o}, DMI files and {@code dpkg-query} or {@code rpm}. A missing or unreadable
 * section leaves its facts unknown rather than failing the collection.
 */
final class LinuxInventoryParser {

	private static final Pattern LSBLK_PAIR = Pattern.compile("([A-Z]+)=\"([^\"]*)\"");

	private LinuxInventoryParser() {
	}

	static RemoteInventory parse(String output, Instant collectedAt) {
		Sections sections = Sections.parse(output);
		Map<String, String> release = sections.values("os-release");
		List<String> uname = sections.lines("uname");
		String name = Sections.blankToNull(release.getOrDefault("PRETTY_NAME", release.get("NAME")));
		OsFacts os = new OsFacts(name, Sections.blankToNull(release.get("VERSION_ID")),
				(uname.size() > 0) ? uname.get(0).trim() : null, (uname.size() > 1) ? uname.get(1).trim() : null,
				"Linux");
		Map<String, String> dmi = sections.values("dmi");
		HardwareFacts hardware = new HardwareFacts(Sections.blankToNull(dmi.get("sys_vendor")),
				Sections.blankToNull(dmi.get("product_name")), Sections.blankToNull(dmi.get("product_serial")),
				Sections.blankToNull(dmi.get("product_uuid")), Sections.blankToNull(dmi.get("bios_vendor")),
				Sections.blankToNull(dmi.get("bios_version")), Sections.blankToNull(dmi.get("bios_date")));
		Map<String, Long> memory = meminfo(sections.lines("meminfo"));
		List<String> hostname = sections.lines("hostname");
		return new RemoteInventory(collectedAt, hostname.isEmpty() ? null : hostname.get(0).trim(), os, hardware,
				cpus(sections.lines("cpuinfo")), memory.getOrDefault("MemTotal", 0L),
				memory.getOrDefault("SwapTotal", 0L), disks(sections.lines("lsblk")), filesystems(sections.lines("df")),
				interfaces(sections.lines("ip-addr"), sections.lines("ip-link"), sections.lines("ip-route")),
				packages(sections));
	}

	/** {@code MemTotal: 16314588 kB} lines, in bytes. */
	private static Map<String, Long> meminfo(List<String> lines) {
		Map<String, Long> values = new HashMap<>();
		for (String line : lines) {
			String[] parts = line.split("[:\\s]+");
			if (parts.length >= 2) {
				long value = Sections.parseLong(parts[1]);
				values.put(parts[0], (parts.length > 2 && parts[2].equalsIgnoreCase("kB")) ? value * 1024 : value);
			}
		}
		return values;
	}

	/**
	 * One block per logical processor; packages told apart by "physical id". Virtual
	 * machines often omit it: then all logical processors form one package.
	 */
	private static List<CpuFacts> cpus(List<String> lines) {
		Map<String, String[]> packages = new LinkedHashMap<>();
		Map<String, Integer> threads = new HashMap<>();
		String model = null;
		String physicalId = "0";
		String cores = null;
		String mhz = null;
		List<String> withEnd = new ArrayList<>(lines);
		withEnd.add("processor : end");
		boolean inProcessor = false;
		for (String line : withEnd) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String key = line.substring(0, colon).trim();
			String value = line.substring(colon + 1).trim();
			if (key.equals("processor")) {
				if (inProcessor) {
					packages.putIfAbsent(physicalId, new String[] { model, cores, mhz });
					threads.merge(physicalId, 1, Integer::sum);
				}
				inProcessor = true;
				physicalId = "0";
			}
			switch (key) {
				case "model name" -> model = value;
				case "physical id" -> physicalId = value;
				case "cpu cores" -> cores = value;
				case "cpu MHz" -> mhz = value;
				default -> {
				}
			}
		}
		List<CpuFacts> cpus = new ArrayList<>();
		packages.forEach((id, facts) -> {
			int logical = threads.getOrDefault(id, 1);
			int physical = (facts[1] != null) ? (int) Sections.parseLong(facts[1]) : logical;
			int speed = 0;
			if (facts[2] != null) {
				try {
					speed = (int) Math.round(Double.parseDouble(facts[2]));
				}
				catch (NumberFormatException ex) {
					speed = 0;
				}
			}
			cpus.add(new CpuFacts(facts[0], (physical > 0) ? physical : logical, logical, speed));
		});
		return cpus;
	}

	/** {@code NAME="sda" SIZE="500107862016" TYPE="disk" MODEL="..." SERIAL="..."}. */
	private static List<DiskFacts> disks(List<String> lines) {
		List<DiskFacts> disks = new ArrayList<>();
		for (String line : lines) {
			Map<String, String> pairs = new HashMap<>();
			Matcher matcher = LSBLK_PAIR.matcher(line);
			while (matcher.find()) {
				pairs.put(matcher.group(1), matcher.group(2));
			}
			if ("disk".equals(pairs.get("TYPE"))) {
				disks.add(new DiskFacts(pairs.get("NAME"), Sections.parseLong(pairs.get("SIZE")),
						Sections.blankToNull(pairs.get("MODEL")), Sections.blankToNull(pairs.get("SERIAL"))));
			}
		}
		return disks;
	}

	/**
	 * {@code df -PkT}: device, type, 1K-blocks, used, available, capacity, mount point.
	 */
	private static List<FilesystemFacts> filesystems(List<String> lines) {
		List<FilesystemFacts> filesystems = new ArrayList<>();
		for (String line : lines) {
			String[] parts = line.trim().split("\\s+", 7);
			if (parts.length < 7 || parts[0].equals("Filesystem") || !parts[2].matches("\\d+")) {
				continue;
			}
			filesystems.add(new FilesystemFacts(parts[0], parts[1], parts[6], Sections.parseLong(parts[2]) * 1024,
					Sections.parseLong(parts[4]) * 1024));
		}
		return filesystems;
	}

	private static List<InterfaceFacts> interfaces(List<String> addrLines, List<String> linkLines,
			List<String> routeLines) {
		Map<String, String> macs = new LinkedHashMap<>();
		Map<String, Boolean> states = new HashMap<>();
		for (String line : linkLines) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length < 2) {
				continue;
			}
			String name = interfaceName(parts[1]);
			macs.putIfAbsent(name, null);
			for (int i = 0; i < parts.length - 1; i++) {
				if (parts[i].equals("link/ether")) {
					macs.put(name, parts[i + 1].toLowerCase());
				}
				if (parts[i].equals("state")) {
					states.put(name,
							parts[i + 1].equals("UP") || (parts[i + 1].equals("UNKNOWN") && name.equals("lo")));
				}
			}
		}
		Map<String, List<IpAddress>> addresses = new LinkedHashMap<>();
		for (String line : addrLines) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length < 4 || !(parts[2].equals("inet") || parts[2].equals("inet6"))) {
				continue;
			}
			String name = interfaceName(parts[1]);
			String[] cidr = parts[3].split("/");
			int prefix = (cidr.length > 1) ? (int) Sections.parseLong(cidr[1]) : (parts[2].equals("inet") ? 32 : 128);
			String mask = parts[2].equals("inet") ? ipv4Mask(prefix) : null;
			addresses.computeIfAbsent(name, (key) -> new ArrayList<>()).add(new IpAddress(cidr[0], prefix, mask));
		}
		Map<String, String> gateways = new HashMap<>();
		for (String line : routeLines) {
			String[] parts = line.trim().split("\\s+");
			String via = null;
			String dev = null;
			for (int i = 0; i < parts.length - 1; i++) {
				if (parts[i].equals("via")) {
					via = parts[i + 1];
				}
				if (parts[i].equals("dev")) {
					dev = parts[i + 1];
				}
			}
			if (via != null && dev != null) {
				gateways.putIfAbsent(dev, via);
			}
		}
		List<String> names = new ArrayList<>(macs.keySet());
		addresses.keySet().stream().filter((name) -> !names.contains(name)).forEach(names::add);
		List<InterfaceFacts> interfaces = new ArrayList<>();
		for (String name : names) {
			interfaces.add(new InterfaceFacts(name, macs.get(name), addresses.getOrDefault(name, List.of()),
					gateways.get(name), states.get(name)));
		}
		return interfaces;
	}

	/** {@code eth0@if5:} is eth0 (a veth's peer index is not part of its name). */
	private static String interfaceName(String token) {
		String name = token.endsWith(":") ? token.substring(0, token.length() - 1) : token;
		int at = name.indexOf('@');
		return (at > 0) ? name.substring(0, at) : name;
	}

	static String ipv4Mask(int prefix) {
		long mask = (prefix == 0) ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
		return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
	}

	private static List<PackageFacts> packages(Sections sections) {
		List<PackageFacts> packages = new ArrayList<>();
		for (String line : sections.lines("dpkg")) {
			// Status, package, version, architecture, installed size in KiB.
			String[] parts = line.split("\t", -1);
			if (parts.length >= 5 && parts[0].equals("install ok installed")) {
				packages.add(new PackageFacts(parts[1], Sections.blankToNull(parts[2]), Sections.blankToNull(parts[3]),
						Sections.parseLong(parts[4]) * 1024, null));
			}
		}
		for (String line : sections.lines("rpm")) {
			// Name, version-release, architecture, size in bytes, vendor.
			String[] parts = line.split("\t", -1);
			if (parts.length >= 4) {
				// rpm prints "(none)" for a missing tag.
				packages.add(new PackageFacts(parts[0], Sections.blankToNull(parts[1]),
						Sections.blankToNull(parts[2].replace("(none)", "")), Sections.parseLong(parts[3]),
						(parts.length > 4) ? Sections.blankToNull(parts[4].replace("(none)", "")) : null));
			}
		}
		return packages;
	}

}
