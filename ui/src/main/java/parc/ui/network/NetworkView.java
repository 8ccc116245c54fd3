package parc.ui.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import parc.orchestrator.discovery.DeviceState;
import parc.orchestrator.discovery.ElectedAgent;
import parc.orchestrator.discovery.Sweep;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkSource;
import parc.orchestrator.network.NetworkSummary;

/**
 * A network as {@code /api/networks} answers it.
 *
 * @param id its id
 * @param name its name
 * @param address its block, {@code 198.51.100.0/24}
 * @param ipVersion 4 or 6
 * @param prefix its prefix length
 * @param description free text
 * @param site free text
 * @param source LEARNED or ADMIN
 * @param ignored left out of lists and sweeps
 * @param sweepable whether a sweep may run on it (IPv4, or IPv6 from /120)
 * @param createdBy the admin who declared it
 * @param createdAt when
 * @param updatedAt last change
 * @param counts what it holds
 * @param lastSweep its latest sweep, or null
 * @param agents the OCS agents elected to scan it (IP discovery)
 */
record NetworkView(long id, String name, String address, int ipVersion, int prefix, String description, String site,
		NetworkSource source, boolean ignored, boolean sweepable, String createdBy, Instant createdAt,
		Instant updatedAt, Counts counts, Sweep lastSweep, List<ElectedAgent> agents) {

	static NetworkView of(NetworkSummary summary, Map<DeviceState, Long> devices, Sweep lastSweep,
			List<ElectedAgent> agents) {
		Network network = summary.network();
		return new NetworkView(network.id(), network.name(), network.cidr(), network.ipVersion(), network.prefix(),
				network.description(), network.site(), network.source(), network.ignored(), network.range().sweepable(),
				network.createdBy(), network.createdAt(), network.updatedAt(),
				new Counts(summary.machines(), devices.get(DeviceState.UNKNOWN), devices.get(DeviceState.IDENTIFIED),
						devices.get(DeviceState.MACHINE), devices.get(DeviceState.ABSENT)),
				lastSweep, agents);
	}

	/**
	 * @param inventoriedMachines machines whose inventory puts them on it
	 * @param unknown found devices not known
	 * @param identified found devices admins identified
	 * @param machines found devices that are machines of the registry
	 * @param absent found devices that stopped answering
	 */
	record Counts(long inventoriedMachines, long unknown, long identified, long machines, long absent) {

	}

}
