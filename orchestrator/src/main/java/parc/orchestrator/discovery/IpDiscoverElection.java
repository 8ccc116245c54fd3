package parc.orchestrator.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import inet.ipaddr.IPAddressString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkService;

/**
 * OCS IP discovery, the server's side (protocol §5): elects up to
 * {@code parc.discovery.ipdiscover-agents} agents per network among those that contacted
 * Parc lately, keeps them elected while they do, tells them in PROLOG which subnet to
 * scan, and records what they report as devices beside the server's own sweeps.
 */
@Service
public class IpDiscoverElection {

	private static final Logger log = LoggerFactory.getLogger(IpDiscoverElection.class);

	private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

	private final IpDiscoverRepository repository;

	private final NetworkService networks;

	private final DeviceService devices;

	private final DiscoveryProperties properties;

	private final Clock clock;

	IpDiscoverElection(IpDiscoverRepository repository, NetworkService networks, DeviceService devices,
			DiscoveryProperties properties, Optional<Clock> clock) {
		this.repository = repository;
		this.networks = networks;
		this.devices = devices;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * At the agent's PROLOG: the network it is elected to scan, electing it when one of
	 * its networks has a free place and it is among the best there. Stable: an elected
	 * agent stays elected while it keeps contacting Parc.
	 */
	@Transactional
	public Optional<IpDiscoverAssignment> assignmentFor(long machineId) {
		int places = this.properties.ipdiscoverAgents();
		if (places == 0) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Instant aliveSince = now.minus(Duration.ofDays(this.properties.ipdiscoverMaxAliveDays()));
		for (long[] network : this.repository.scannableNetworksOf(machineId)) {
			long networkId = network[0];
			this.repository.lockNetwork(networkId);
			int dropped = this.repository.dropSilent(networkId, aliveSince);
			if (dropped > 0) {
				log.info("IP discovery: {} agent(s) of network {} un-elected, silent for {} days", dropped, networkId,
						this.properties.ipdiscoverMaxAliveDays());
			}
			int free = places - this.repository.electedCount(networkId);
			if (free > 0) {
				this.repository.electBest(networkId, free, aliveSince, now);
			}
		}
		return this.repository.electedNetworkOf(machineId).map((networkId) -> {
			Network network = this.networks.get(networkId);
			String subnet = network.cidr().substring(0, network.cidr().indexOf('/'));
			return new IpDiscoverAssignment(networkId, subnet, this.properties.ipdiscoverLatencyMs());
		});
	}

	/**
	 * After the agent's inventory: what its scan found, when it is elected and sent one.
	 * @return how many devices were recorded
	 */
	@Transactional
	public int recordScan(long machineId, String deviceId, InventoryDocument document) {
		Optional<Long> elected = this.repository.electedNetworkOf(machineId);
		List<Map<String, String>> rows = (document.otherSections() == null) ? null
				: document.otherSections().get("ipdiscover");
		if (elected.isEmpty() || rows == null) {
			return 0;
		}
		int recorded = 0;
		for (Map<String, String> row : rows) {
			String address = field(row, "i");
			String mac = field(row, "m");
			if (address == null || mac == null || !MAC.matcher(mac).matches() || !isIpv4(address)) {
				continue;
			}
			String name = field(row, "n");
			Long networkId = this.networks.containing(address).map(Network::id).orElse(elected.get());
			this.devices.record(networkId, new FoundDevice(address, mac, "-".equals(name) ? null : name,
					DeviceClass.UNKNOWN, List.of(), null, DeviceSource.IPDISCOVER, deviceId));
			recorded++;
		}
		this.repository.scanned(machineId, this.clock.instant());
		log.info("IP discovery: agent {} reported {} device(s)", deviceId, recorded);
		return recorded;
	}

	/** The agents elected to scan the network. */
	public List<ElectedAgent> electedOn(long networkId) {
		return this.repository.electedOn(networkId);
	}

	private static boolean isIpv4(String address) {
		var parsed = new IPAddressString(address).getAddress();
		return parsed != null && parsed.isIPv4() && !parsed.isPrefixed() && !parsed.isMulticast() && !parsed.isZero();
	}

	private static String field(Map<String, String> row, String name) {
		String value = row.get(name);
		if (value == null) {
			value = row.get(name.toUpperCase(Locale.ROOT));
		}
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
