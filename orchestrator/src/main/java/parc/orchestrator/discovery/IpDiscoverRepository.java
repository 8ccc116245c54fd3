package parc.orchestrator.discovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IpDiscoverRepository {

	private final JdbcClient jdbc;

	IpDiscoverRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The networks an agent's inventory puts it on that agents may scan: IPv4, /16 to
	 * /30.
	 */
	List<long[]> scannableNetworksOf(long machineId) {
		return this.jdbc.sql("""
				select n.id, n.prefix from network n join network_machine nm on nm.network_id = n.id
				 where nm.machine_id = ? and n.ip_version = 4 and n.prefix between 16 and 30 and not n.ignored
				 order by n.prefix desc, n.id
				""").param(machineId).query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
	}

	void lockNetwork(long networkId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('ipdiscover:' || ?::bigint))")
			.param(networkId)
			.query((rs, row) -> 1)
			.list();
	}

	/** Un-elects the network's agents that stopped contacting Parc. */
	int dropSilent(long networkId, Instant aliveSince) {
		return this.jdbc.sql("""
				delete from ipdiscover_election e where e.network_id = ? and not exists (
				       select 1 from agent_device a where a.device_id = e.device_id and a.last_contact_at >= ?)
				""").params(networkId, Timestamp.from(aliveSince)).update();
	}

	int electedCount(long networkId) {
		return this.jdbc.sql("select count(*) from ipdiscover_election where network_id = ?")
			.param(networkId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Elects the best agents on the network not elected anywhere: Windows, then Linux,
	 * then the rest; the most recently seen (by day), then the longest known.
	 */
	int electBest(long networkId, int places, Instant aliveSince, Instant now) {
		return this.jdbc
			.sql("""
					insert into ipdiscover_election (network_id, machine_id, device_id, elected_at)
					select ?, candidate.machine_id, candidate.device_id, ? from (
					       select distinct on (m.id) m.id as machine_id, a.device_id, m.os_family, a.last_contact_at,
					              a.first_seen_at
					         from network_machine nm
					         join machine m on m.id = nm.machine_id
					         join agent_device a on a.machine_id = m.id
					        where nm.network_id = ? and a.last_contact_at >= ?
					          and not exists (select 1 from ipdiscover_election e where e.machine_id = m.id)
					        order by m.id, a.last_contact_at desc) candidate
					 order by case candidate.os_family when 'WINDOWS' then 0 when 'LINUX' then 1 else 2 end,
					          date_trunc('day', candidate.last_contact_at) desc, candidate.first_seen_at, candidate.machine_id
					 limit ?
					""")
			.params(networkId, Timestamp.from(now), networkId, Timestamp.from(aliveSince), places)
			.update();
	}

	Optional<Long> electedNetworkOf(long machineId) {
		return this.jdbc.sql("select network_id from ipdiscover_election where machine_id = ?")
			.param(machineId)
			.query(Long.class)
			.optional();
	}

	void scanned(long machineId, Instant now) {
		this.jdbc.sql("update ipdiscover_election set last_scan_at = ? where machine_id = ?")
			.params(Timestamp.from(now), machineId)
			.update();
	}

	List<ElectedAgent> electedOn(long networkId) {
		return this.jdbc.sql("""
				select e.machine_id, m.name, e.device_id, e.elected_at, e.last_scan_at
				  from ipdiscover_election e join machine m on m.id = e.machine_id
				 where e.network_id = ? order by e.elected_at, e.machine_id
				""").param(networkId).query((rs, row) -> {
			Timestamp scanned = rs.getTimestamp("last_scan_at");
			return new ElectedAgent(rs.getLong("machine_id"), rs.getString("name"), rs.getString("device_id"),
					rs.getTimestamp("elected_at").toInstant(), (scanned == null) ? null : scanned.toInstant());
		}).list();
	}

}
