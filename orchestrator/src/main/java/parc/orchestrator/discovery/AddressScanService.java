package parc.orchestrator.discovery;

import java.net.InetAddress;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.springframework.stereotype.Service;

import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkService;

/** "Scan one address": probes it now, as a sweep would, and records what answers. */
@Service
public class AddressScanService {

	private final AddressProber prober;

	private final DeviceService devices;

	private final NetworkService networks;

	private final DiscoveryProperties properties;

	AddressScanService(AddressProber prober, DeviceService devices, NetworkService networks,
			DiscoveryProperties properties) {
		this.prober = prober;
		this.devices = devices;
		this.networks = networks;
		this.properties = properties;
	}

	/**
	 * Blocks for the probe's time limit and a little more when the address answers.
	 * @throws InvalidDeviceException naming {@code address} when it is not one host's
	 * unicast address
	 */
	public ScanResult scan(String text) {
		InetAddress address = parse(text);
		Network network = this.networks.containing(address.getHostAddress()).orElse(null);
		if (network != null && network.range().isNetworkOrBroadcast(address.getHostAddress())) {
			throw new InvalidDeviceException("address", address.getHostAddress()
					+ " is the network or broadcast address" + " of " + network.cidr() + ": it is not scanned");
		}
		Long networkId = (network == null) ? null : network.id();
		ProbeReport report = this.prober.probe(address, this.properties.probeSettings());
		Device device = report.answered() ? this.devices.record(networkId, FoundDevice.of(report, DeviceSource.SCAN))
				: null;
		return new ScanResult(report, networkId, device);
	}

	static InetAddress parse(String text) {
		IPAddress address = new IPAddressString((text == null) ? "" : text.strip()).getAddress();
		if (address == null || address.isPrefixed() || address.isMultiple()) {
			throw new InvalidDeviceException("address", "\"" + text + "\" is not an IP address");
		}
		if (address.isMulticast() || address.isZero() || address.isLoopback()
				|| (address.isIPv4() && address.isMax())) {
			throw new InvalidDeviceException("address",
					address + " is a multicast, broadcast, loopback or unspecified address: it is not scanned");
		}
		return address.toInetAddress();
	}

}
