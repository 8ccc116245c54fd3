package parc.ui.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import parc.orchestrator.inventory.AccountValue;
import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.inventory.InventorySource;
import parc.orchestrator.inventory.MachineInventory;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.OsFamily;

/** Inventories the console and API tests share. */
final class ConsoleInventories {

	static final Machine DEBIAN_DESKTOP = new Machine(12, "debian-desktop", "192.0.2.2", List.of("02:00:00:00:00:01"),
			OsFamily.LINUX, Channel.OCS_AGENT, null, null, null, List.of(), null, Instant.parse("2026-11-30T10:00:00Z"),
			Instant.parse("2026-11-30T10:00:00Z"), 0);

	/** A desktop whose agent reported two packages, one with a hostile publisher. */
	static final MachineInventory DEBIAN_DESKTOP_INVENTORY = new MachineInventory(12, InventorySource.OCS_AGENT,
			"debian-desktop-2026-11-22-14-34-14", "OCS-NG_unified_unix_agent_v2.10.0",
			Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T11:00:00Z"), 1,
			new InventoryDocument(Map.of("name", "debian-desktop", "osname", "Debian GNU/Linux 12"), Map.of(),
					List.of(), List.of(), List.of(), List.of(),
					List.of(Map.of("description", "eth0", "ipaddress", "192.0.2.2", "macaddr", "02:00:00:00:00:01")),
					List.of(Map.of("name", "openssh-server", "publisher", "Debian OpenSSH Maintainers", "version",
							"1:9.2p1-2"),
							Map.of("name", "vim", "publisher", "<script>alert(1)</script>", "version", "2:9.0")),
					List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(),
					List.of(new AccountValue("TAG", "PARIS")), List.of()));

	/**
	 * A Windows machine whose agent sent registry values, a hostile one among them, and
	 * controllers: sections with no tab of their own.
	 */
	static final MachineInventory WINDOWS_DESKTOP_INVENTORY = new MachineInventory(12, InventorySource.OCS_AGENT,
			"pc0170-2018-11-26-13-02-24", "OCS-NG_WINDOWS_AGENT_v2.4.0.0", Instant.parse("2026-11-30T10:00:00Z"),
			Instant.parse("2026-11-30T11:00:00Z"), 1,
			new InventoryDocument(Map.of("name", "PC0170", "osname", "Microsoft Windows 10 Pro"), Map.of(), List.of(),
					List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
					List.of(), List.of(),
					Map.of("registry",
							List.of(Map.of("name", "Spotify", "regvalue", "C:\\Spotify.exe"),
									Map.of("name", "<img src=x>", "regvalue", "x", "hive", "HKLM")),
							"controllers", List.of(Map.of("name", "SATA AHCI", "manufacturer", "Intel"))),
					List.of(), List.of()));

	private ConsoleInventories() {
	}

}
