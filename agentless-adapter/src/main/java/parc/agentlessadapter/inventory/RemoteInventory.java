package parc.agentlessadapter.inventory;

import java.time.Instant;
import java.util.List;

/**
 * What an agentless collection found on a machine. Unknown facts are null (text) or 0
 * (sizes); lists are never null.
 *
 * @param collectedAt when the collection ended
 * @param hostname the machine's own name
 * @param os operating system
 * @param hardware vendor, model, serial and BIOS where readable (DMI needs root on Linux)
 * @param cpus one entry per processor package
 * @param memoryBytes physical memory
 * @param swapBytes swap or page file
 * @param disks physical disks
 * @param filesystems mounted file systems with their free space
 * @param interfaces network interfaces
 * @param packages installed software
 */
public record RemoteInventory(Instant collectedAt, String hostname, OsFacts os, HardwareFacts hardware,
		List<CpuFacts> cpus, long memoryBytes, long swapBytes, List<DiskFacts> disks, List<FilesystemFacts> filesystems,
		List<InterfaceFacts> interfaces, List<PackageFacts> packages) {

	public RemoteInventory {
		cpus = List.copyOf(cpus);
		disks = List.copyOf(disks);
		filesystems = List.copyOf(filesystems);
		interfaces = List.copyOf(interfaces);
		packages = List.copyOf(packages);
	}

	/**
	 * @param name distribution or edition ("Debian GNU/Linux 12 (bookworm)", "Microsoft
	 * Windows Server 2012 R2 Standard")
	 * @param version its version ("12", "6.3.9600")
	 * @param kernel kernel release (Unix) or build (Windows)
	 * @param architecture machine architecture ("x86_64", "64-bit")
	 * @param family "Linux" or "Windows"
	 */
	public record OsFacts(String name, String version, String kernel, String architecture, String family) {

	}

	public record HardwareFacts(String vendor, String model, String serial, String uuid, String biosVendor,
			String biosVersion, String biosDate) {

	}

	/**
	 * @param model the processor's model name
	 * @param cores physical cores
	 * @param threads logical processors
	 * @param mhz nominal speed, 0 when unknown
	 */
	public record CpuFacts(String model, int cores, int threads, int mhz) {

	}

	public record DiskFacts(String name, long sizeBytes, String model, String serial) {

	}

	public record FilesystemFacts(String device, String type, String mountPoint, long totalBytes, long freeBytes) {

	}

	/**
	 * @param name as the system names it ("eth0", "Intel(R) Ethernet ...")
	 * @param mac {@code aa:bb:cc:dd:ee:ff} lower case, or null
	 * @param addresses its IP addresses
	 * @param gateway default gateway through it, or null
	 * @param up whether the link is up, null when unknown
	 */
	public record InterfaceFacts(String name, String mac, List<IpAddress> addresses, String gateway, Boolean up) {

		public InterfaceFacts {
			addresses = List.copyOf(addresses);
		}

	}

	/**
	 * @param address without prefix
	 * @param prefixLength network prefix length
	 * @param mask dotted mask for IPv4, null for IPv6
	 */
	public record IpAddress(String address, int prefixLength, String mask) {

	}

	/**
	 * @param name package or program name
	 * @param version its version, or null
	 * @param architecture "amd64", "x86_64", or null
	 * @param sizeBytes installed size, 0 when unknown
	 * @param publisher vendor, or null
	 */
	public record PackageFacts(String name, String version, String architecture, long sizeBytes, String publisher) {

	}

}
