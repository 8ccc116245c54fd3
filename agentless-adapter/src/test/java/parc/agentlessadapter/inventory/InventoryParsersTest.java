package parc.agentlessadapter.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import parc.agentlessadapter.inventory.RemoteInventory.CpuFacts;
import parc.agentlessadapter.inventory.RemoteInventory.DiskFacts;
import parc.agentlessadapter.inventory.RemoteInventory.FilesystemFacts;
import parc.agentlessadapter.inventory.RemoteInventory.InterfaceFacts;
import parc.agentlessadapter.inventory.RemoteInventory.IpAddress;
import parc.agentlessadapter.inventory.RemoteInventory.PackageFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsers on outputs of machines the test host is not: a two-socket RHEL server with
 * rpm and readable DMI, and a Windows Server 2012 R2 machine. The Windows fixture is
 * written from the CIM classes' documented shapes, not captured from a real machine.
 */
class InventoryParsersTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void shouldReadATwoSocketRhelServer() throws IOException {
		RemoteInventory inventory = LinuxInventoryParser.parse(fixture("linux-rhel9-two-sockets.txt"), NOW);

		assertThat(inventory.hostname()).isEqualTo("db-prod-2");
		assertThat(inventory.os().name()).isEqualTo("Red Hat Enterprise Linux 9.4 (Plow)");
		assertThat(inventory.os().version()).isEqualTo("9.4");
		assertThat(inventory.os().kernel()).isEqualTo("5.14.0-427.13.1.el9_4.x86_64");
		assertThat(inventory.hardware().serial()).isEqualTo("7XK2F33");
		assertThat(inventory.hardware().model()).isEqualTo("PowerEdge R640");
		assertThat(inventory.hardware().biosDate()).isEqualTo("06/21/2023");
		assertThat(inventory.cpus()).containsExactly(
				new CpuFacts("Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz", 2, 2, 2200),
				new CpuFacts("Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz", 2, 2, 2200));
		assertThat(inventory.memoryBytes()).isEqualTo(65536000L * 1024);
		assertThat(inventory.swapBytes()).isEqualTo(8388604L * 1024);
		assertThat(inventory.disks())
			.containsExactly(new DiskFacts("sda", 480103981056L, "INTEL SSDSC2KB48", "PHYS123400AB480BGN"));
		assertThat(inventory.filesystems()).containsExactly(
				new FilesystemFacts("/dev/mapper/rhel-root", "xfs", "/", 73364480L * 1024, 61018802L * 1024),
				new FilesystemFacts("/dev/sda1", "xfs", "/boot", 1038336L * 1024, 803769L * 1024));
		InterfaceFacts ens192 = inventory.interfaces()
			.stream()
			.filter((n) -> n.name().equals("ens192"))
			.findFirst()
			.orElseThrow();
		assertThat(ens192.mac()).isEqualTo("00:50:56:ab:cd:ef");
		assertThat(ens192.gateway()).isEqualTo("198.51.100.1");
		assertThat(ens192.up()).isTrue();
		assertThat(ens192.addresses()).containsExactly(new IpAddress("198.51.100.20", 25, "255.255.255.128"),
				new IpAddress("2001:db8::20", 64, null));
		InterfaceFacts ens224 = inventory.interfaces()
			.stream()
			.filter((n) -> n.name().equals("ens224"))
			.findFirst()
			.orElseThrow();
		assertThat(ens224.up()).isFalse();
		assertThat(ens224.addresses()).isEmpty();
		assertThat(inventory.packages()).contains(
				new PackageFacts("bash", "5.1.8-9.el9", "x86_64", 7738634, "Red Hat, Inc."),
				new PackageFacts("gpg-pubkey", "fd431d51-4ae0493b", null, 0, null));
	}

	@Test
	void shouldReadAWindowsServer() throws IOException {
		RemoteInventory inventory = WindowsInventoryParser.parse(fixture("windows-server-2012r2.txt"), NOW);

		assertThat(inventory.hostname()).isEqualTo("ACCOUNTING-07");
		assertThat(inventory.os().name()).isEqualTo("Microsoft Windows Server 2012 R2 Standard");
		assertThat(inventory.os().version()).isEqualTo("6.3.9600");
		assertThat(inventory.os().kernel()).isEqualTo("9600");
		assertThat(inventory.os().family()).isEqualTo("Windows");
		assertThat(inventory.hardware().serial()).isEqualTo("PF2ABCDE");
		assertThat(inventory.hardware().uuid()).isEqualTo("4C4C4544-0042-3510-8058-B4C04F4E3132");
		assertThat(inventory.cpus())
			.containsExactly(new CpuFacts("11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz", 4, 8, 2611));
		assertThat(inventory.memoryBytes()).isEqualTo(16676836L * 1024);
		assertThat(inventory.filesystems())
			.containsExactly(new FilesystemFacts("C:", "NTFS", "C:", 510770802688L, 201234567168L));
		assertThat(inventory.interfaces()).singleElement().satisfies((nic) -> {
			assertThat(nic.mac()).isEqualTo("3c:a9:f4:12:34:56");
			assertThat(nic.gateway()).isEqualTo("192.0.2.1");
			assertThat(nic.addresses()).containsExactly(new IpAddress("192.0.2.44", 24, "255.255.255.0"),
					new IpAddress("fe80::1c2d:3e4f:5a6b:7c8d", 64, null));
		});
		assertThat(inventory.packages()).hasSize(3)
			.contains(new PackageFacts("Microsoft Visual C++ 2015-2022 Redistributable (x86)", "14.38.33130.0", "x86",
					20528L * 1024, "Microsoft Corporation"));
	}

	@Test
	void shouldLeaveFactsUnknownWhenSectionsAreMissing() {
		RemoteInventory inventory = LinuxInventoryParser.parse("@@parc hostname\nbare\n", NOW);
		assertThat(inventory.hostname()).isEqualTo("bare");
		assertThat(inventory.os().name()).isNull();
		assertThat(inventory.packages()).isEmpty();
		assertThat(inventory.memoryBytes()).isZero();
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = InventoryParsersTest.class.getResourceAsStream("/fixtures/inventory/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
