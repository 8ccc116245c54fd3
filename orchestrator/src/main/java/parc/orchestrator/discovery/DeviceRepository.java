package parc.orchestrator.discovery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class DeviceRepository {

	private final JdbcClient jdbc;

	DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Device> find(long id) {
		return this.jdbc.sql("select * from device where id = ?").param(id).query(DeviceRepository::map).optional();
	}

	Optional<Device> findByAddress(Long networkId, String address) {
		return this.jdbc
			.sql("select * from device where coalesce(network_id, 0) = coalesce(?::bigint, 0) and address = ?")
			.params(networkId, address)
			.query(DeviceRepository::map)
			.optional();
	}

	Optional<Device> findByMac(Long networkId, String mac) {
		return this.jdbc.sql(
				"select * from device where coalesce(network_id, 0) = coalesce(?::bigint, 0) and mac = ? order by last_seen desc"
						+ " limit 1")
			.params(networkId, mac)
			.query(DeviceRepository::map)
			.optional();
	}

	/** Locks the network's devices against a second writer finding the same one new. */
	void lockNetwork(Long networkId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('device:' || coalesce(?::bigint, 0)))")
			.param(networkId)
			.query((rs, row) -> 1)
			.list();
	}

	long insert(Long networkId, FoundDevice found, DeviceState state, Long machineId, Instant now) {
		return this.jdbc.sql("""
				insert into device (network_id, address, mac, host_name, device_class, open_ports, ssh_banner, state,
				                    machine_id, source, reported_by, first_seen, last_seen)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(networkId, found.address(), found.mac(), found.hostName(), found.deviceClass().name(),
					found.openPorts().toArray(new Integer[0]), found.sshBanner(), state.name(), machineId,
					found.source().name(), found.reportedBy(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * What a new report says of a known device. An agent's report keeps what the server's
	 * own probes found (ports, banner) and only fills a class it did not know.
	 */
	void refresh(long id, FoundDevice found, Long machineId, Instant now) {
		boolean probed = found.source() != DeviceSource.IPDISCOVER;
		this.jdbc
			.sql("""
					update device set address = ?, mac = coalesce(?, mac), host_name = coalesce(?, host_name),
					       device_class = case when ? or device_class = 'UNKNOWN' then ? else device_class end,
					       open_ports = case when ? then ? else open_ports end,
					       ssh_banner = case when ? then ? else ssh_banner end,
					       state = case when ? then 'MACHINE' when state = 'ABSENT' then coalesce(state_before_absent, 'UNKNOWN')
					                    else state end,
					       state_before_absent = null, machine_id = coalesce(?, machine_id), source = ?,
					       reported_by = ?, last_seen = ?, missed_sweeps = 0
					 where id = ?
					""")
			.params(found.address(), found.mac(), found.hostName(), probed, found.deviceClass().name(), probed,
					found.openPorts().toArray(new Integer[0]), probed, found.sshBanner(), machineId != null, machineId,
					found.source().name(), found.reportedBy(), Timestamp.from(now), id)
			.update();
	}

	void identify(long id, Long deviceTypeId, String description, String by, Instant now) {
		this.jdbc.sql("""
				update device set state = case when state = 'ABSENT' then state else 'IDENTIFIED' end,
				       state_before_absent = case when state = 'ABSENT' then 'IDENTIFIED' else null end,
				       device_type_id = ?, description = ?, identified_by = ?, identified_at = ?
				 where id = ?
				""").params(deviceTypeId, description, by, Timestamp.from(now), id).update();
	}

	void linkMachine(long id, long machineId) {
		this.jdbc.sql("update device set state = 'MACHINE', state_before_absent = null, machine_id = ? where id = ?")
			.params(machineId, id)
			.update();
	}

	/**
	 * After a finished sweep: the network's devices its probes found before but not this
	 * time miss one more; those that missed {@code absentAfter} in a row are ABSENT.
	 * @return how many went ABSENT
	 */
	int countMissed(long networkId, Instant sweepStarted, int absentAfter) {
		this.jdbc.sql("""
				update device set missed_sweeps = missed_sweeps + 1
				 where network_id = ? and last_seen < ? and source in ('SWEEP', 'SCAN')
				""").params(networkId, Timestamp.from(sweepStarted)).update();
		return this.jdbc.sql("""
				update device set state_before_absent = state, state = 'ABSENT'
				 where network_id = ? and state <> 'ABSENT' and missed_sweeps >= ?
				""").params(networkId, absentAfter).update();
	}

	Page<Device> page(long networkId, DeviceState state, PageRequest page) {
		String where = " where network_id = ? and (?::text is null or state = ?)";
		String stateName = (state == null) ? null : state.name();
		long total = this.jdbc.sql("select count(*) from device" + where)
			.params(networkId, stateName, stateName)
			.query(Long.class)
			.single();
		List<Device> content = this.jdbc
			.sql("select * from device" + where + " order by inet(address), id limit ? offset ?")
			.params(networkId, stateName, stateName, page.size(), page.offset())
			.query(DeviceRepository::map)
			.list();
		return new Page<>(content, page.page(), page.size(), total);
	}

	Map<DeviceState, Long> countsByState(long networkId) {
		Map<DeviceState, Long> counts = new EnumMap<>(DeviceState.class);
		for (DeviceState state : DeviceState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.sql("select state, count(*) from device where network_id = ? group by state")
			.param(networkId)
			.query((rs) -> {
				counts.put(DeviceState.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/** The registry's machine with this MAC, in its registry entry or its inventory. */
	Optional<Long> machineByMac(String mac) {
		return this.jdbc.sql("""
				select id from machine where ? = any(mac_addresses)
				union select machine_id from inventory_network where mac_address = ?
				order by 1 limit 1
				""").params(mac, mac).query(Long.class).optional();
	}

	Optional<Long> machineByAddress(String address) {
		return this.jdbc.sql("""
				select id from machine where address = ?
				union select machine_id from inventory_network where ip_address = ?
				order by 1 limit 1
				""").params(address, address).query(Long.class).optional();
	}

	/** By name, or by the first label of a fully qualified one. */
	Optional<Long> machineByName(String hostName) {
		String shortName = hostName.contains(".") ? hostName.substring(0, hostName.indexOf('.')) : hostName;
		return this.jdbc.sql("select id from machine where lower(name) in (lower(?), lower(?)) order by id limit 1")
			.params(hostName, shortName)
			.query(Long.class)
			.optional();
	}

	private static Device map(ResultSet rs, int row) throws SQLException {
		Array ports = rs.getArray("open_ports");
		List<Integer> openPorts = (ports == null) ? List.of() : Arrays.asList((Integer[]) ports.getArray());
		return new Device(rs.getLong("id"), nullableLong(rs, "network_id"), rs.getString("address"),
				rs.getString("mac"), rs.getString("host_name"), DeviceClass.valueOf(rs.getString("device_class")),
				openPorts, rs.getString("ssh_banner"), DeviceState.valueOf(rs.getString("state")),
				nullableLong(rs, "device_type_id"), rs.getString("description"), nullableLong(rs, "machine_id"),
				DeviceSource.valueOf(rs.getString("source")), rs.getString("reported_by"),
				rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
				rs.getInt("missed_sweeps"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
