package parc.orchestrator.discovery;

import java.util.List;

/**
 * One device as a sweep, a scan or an agent reports it.
 *
 * @param address its IP address
 * @param mac its MAC ({@code AA:BB:CC:DD:EE:FF}) or null
 * @param hostName a name for it, or null
 * @param deviceClass how it looks
 * @param openPorts TCP ports that answered
 * @param sshBanner its SSH banner, or null
 * @param source what reports it
 * @param reportedBy the reporting agent's DEVICEID, or null
 */
public record FoundDevice(String address, String mac, String hostName, DeviceClass deviceClass, List<Integer> openPorts,
		String sshBanner, DeviceSource source, String reportedBy) {

	public FoundDevice {
		openPorts = List.copyOf(openPorts);
	}

	static FoundDevice of(ProbeReport report, DeviceSource source) {
		return new FoundDevice(report.address(), report.mac(), report.hostName(),
				DeviceClassifier.classify(report.openPorts(), report.sshBanner()), report.openPorts(),
				report.sshBanner(), source, null);
	}

}
