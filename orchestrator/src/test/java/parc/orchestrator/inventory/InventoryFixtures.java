package parc.orchestrator.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inventories as an agent would send them, built by persona: a Debian laptop with a few
 * packages, which tests then upgrade, rename or reinstall.
 */
public final class InventoryFixtures {

	private InventoryFixtures() {
	}

	/**
	 * A Debian laptop with serial {@code serial}, one Ethernet card and three packages.
	 */
	public static Builder debianLaptop(String hostName, String serial, String mac) {
		return new Builder(hostName, serial, mac);
	}

	public static final class Builder {

		private final Map<String, String> hardware = new LinkedHashMap<>();

		private final Map<String, String> bios = new LinkedHashMap<>();

		private final List<Map<String, String>> software = new ArrayList<>();

		private final List<Map<String, String>> networks = new ArrayList<>();

		private final List<Map<String, String>> drives = new ArrayList<>();

		private final List<AccountValue> accountInfo = new ArrayList<>();

		private Builder(String hostName, String serial, String mac) {
			this.hardware.put("name", hostName);
			this.hardware.put("osname", "Debian GNU/Linux 12");
			this.hardware.put("memory", "16000");
			this.hardware.put("ipaddr", "192.0.2.20");
			this.hardware.put("description", "x86_64/00-00-00 00:15:40");
			if (serial != null) {
				this.bios.put("ssn", serial);
			}
			this.networks.add(new LinkedHashMap<>(Map.of("description", "eth0", "macaddr", mac, "ipaddress",
					"192.0.2.20", "ipmask", "255.255.255.0", "ipgateway", "192.0.2.1")));
			this.drives.add(new LinkedHashMap<>(Map.of("type", "/", "volumn", "/dev/sda1", "filesystem", "ext4",
					"total", "100000", "free", "50000")));
			withSoftware("openssh-server", "1:9.2p1-2");
			withSoftware("vim", "2:9.0.1378-2");
			withSoftware("curl", "7.88.1-10");
		}

		public Builder withSoftware(String name, String version) {
			this.software.removeIf((row) -> row.get("name").equals(name));
			this.software.add(Map.of("name", name, "version", version, "publisher", "Debian"));
			return this;
		}

		public Builder withoutSoftware(String name) {
			this.software.removeIf((row) -> row.get("name").equals(name));
			return this;
		}

		public Builder withUptime(String uptime) {
			this.hardware.put("description", "x86_64/" + uptime);
			return this;
		}

		public Builder withFreeSpace(String free) {
			this.drives.get(0).put("free", free);
			return this;
		}

		public Builder withMemory(String memory) {
			this.hardware.put("memory", memory);
			return this;
		}

		public Builder withOs(String osName) {
			this.hardware.put("osname", osName);
			return this;
		}

		/** The inventory's address and mask, on the card and in HARDWARE. */
		public Builder withIp(String address, String mask) {
			this.networks.get(0).put("ipmask", mask);
			return withIp(address);
		}

		/** The inventory's address, on the card and in HARDWARE. */
		public Builder withIp(String address) {
			this.hardware.put("ipaddr", address);
			this.networks.get(0).put("ipaddress", address);
			return this;
		}

		/**
		 * The agent's HARDWARE/CHECKSUM: the sections it saw change since the last
		 * inventory the server accepted (1 HARDWARE, 4096 NETWORKS, 65536 SOFTWARES...).
		 */
		public Builder withChecksum(int bits) {
			this.hardware.put("checksum", Integer.toString(bits));
			return this;
		}

		public Builder withTag(String tag) {
			this.accountInfo.add(new AccountValue(AccountValue.TAG, tag));
			return this;
		}

		public InventoryDocument build() {
			return new InventoryDocument(this.hardware, this.bios, List.of(), List.of(), List.of(), this.drives,
					this.networks, this.software, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
					Map.of(), this.accountInfo, List.of());
		}

		public InventoryReport fromAgent(String deviceId) {
			return new InventoryReport(InventorySource.OCS_AGENT, deviceId, "OCS-NG_unified_unix_agent_v2.10.0",
					build());
		}

	}

}
