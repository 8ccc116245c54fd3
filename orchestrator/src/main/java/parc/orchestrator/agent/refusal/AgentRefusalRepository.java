package parc.orchestrator.agent.refusal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgentRefusalRepository {

	/**
	 * The machine a refusal belongs to: the one its DEVICEID names, else the one
	 * registered at its address.
	 */
	private static final String WITH_MACHINE = """
			from agent_refusal r
			left join agent_device d on d.device_id = r.device_id
			left join lateral (select m.id, m.name from machine m
			                   where m.id = d.machine_id or (d.machine_id is null and m.address = r.remote_address)
			                   order by m.id limit 1) m on true
			""";

	private static final String FILTER = """
			where (cast(:q as text) is null
			       or r.remote_address ilike :q or r.user_agent ilike :q or r.reason ilike :q or r.device_id ilike :q)
			  and (cast(:machineId as bigint) is null or m.id = :machineId)
			""";

	private final JdbcClient jdbc;

	AgentRefusalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return true when this made a new row, false when it counted into one
	 */
	boolean record(RefusedRequest refused, Instant at) {
		return this.jdbc.sql("""
				insert into agent_refusal (remote_address, user_agent, status, reason, device_id, first_at, last_at)
				values (:address, :userAgent, :status, :reason, :deviceId, :at, :at)
				on conflict (remote_address, user_agent, status, reason) do update
				set times = agent_refusal.times + 1, last_at = excluded.last_at,
				    device_id = coalesce(excluded.device_id, agent_refusal.device_id)
				returning (xmax = 0)
				""")
			.param("address", refused.remoteAddress())
			.param("userAgent", (refused.userAgent() != null) ? refused.userAgent() : "")
			.param("status", refused.status())
			.param("reason", refused.reason())
			.param("deviceId", refused.deviceId())
			.param("at", Timestamp.from(at))
			.query(Boolean.class)
			.single();
	}

	/** Removes all but the {@code kept} most recent rows. */
	int keepLatest(int kept) {
		return this.jdbc.sql("""
				delete from agent_refusal where id in
				  (select id from agent_refusal order by last_at desc, id desc offset ?)
				""").param(kept).update();
	}

	List<AgentRefusal> page(String pattern, Long machineId, long offset, int size) {
		return this.jdbc
			.sql("select r.*, m.id as machine_id, m.name as machine_name " + WITH_MACHINE + FILTER
					+ " order by r.last_at desc, r.id desc offset :offset limit :size")
			.param("q", pattern)
			.param("machineId", machineId)
			.param("offset", offset)
			.param("size", size)
			.query(AgentRefusalRepository::refusal)
			.list();
	}

	long count(String pattern, Long machineId) {
		return this.jdbc.sql("select count(*) " + WITH_MACHINE + FILTER)
			.param("q", pattern)
			.param("machineId", machineId)
			.query(Long.class)
			.single();
	}

	int deleteAll() {
		return this.jdbc.sql("delete from agent_refusal").update();
	}

	private static AgentRefusal refusal(ResultSet rs, int row) throws SQLException {
		return new AgentRefusal(rs.getLong("id"), rs.getString("remote_address"), rs.getString("user_agent"),
				rs.getInt("status"), rs.getString("reason"), rs.getString("device_id"),
				rs.getObject("machine_id", Long.class), rs.getString("machine_name"),
				rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant(), rs.getLong("times"));
	}

}
