package parc.orchestrator.discovery;

import java.util.List;
import java.util.Locale;

/**
 * Classifies a device from its open ports and SSH banner, as OCS's IP discovery sorts
 * what it finds: Windows, Linux/Unix, network device or printer, unknown.
 */
final class DeviceClassifier {

	private DeviceClassifier() {
	}

	static DeviceClass classify(List<Integer> openPorts, String sshBanner) {
		String banner = (sshBanner == null) ? "" : sshBanner.toLowerCase(Locale.ROOT);
		if (banner.contains("windows") || openPorts.contains(135) || openPorts.contains(3389)
				|| (openPorts.contains(445) && !openPorts.contains(22))) {
			return DeviceClass.WINDOWS;
		}
		if (openPorts.contains(9100) || banner.contains("cisco") || banner.contains("routeros")
				|| (banner.contains("dropbear") && !openPorts.contains(80) && !openPorts.contains(443))) {
			return DeviceClass.NETWORK_DEVICE_OR_PRINTER;
		}
		if (openPorts.contains(22)) {
			return DeviceClass.LINUX_UNIX;
		}
		return DeviceClass.UNKNOWN;
	}

}
