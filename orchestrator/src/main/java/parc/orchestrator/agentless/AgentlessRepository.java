package parc.orchestrator.agentless;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AgentlessRepository {

	private static final String PROBE_COLUMNS = "machine_id, light, pinged, banner, detail, duration_ms, checked_at";

	private static final String COLLECTION_COLUMNS = """
			id, machine_id, state, requested_by, requested_at, finished_at, outcome, error""";

	private final JdbcClient jdbc;

	AgentlessRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void saveProbe(ProbeStatus status) {
		this.jdbc.sql("""
				insert into machine_probe (machine_id, light, pinged, banner, detail, duration_ms, checked_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (machine_id) do update set light = excluded.light, pinged = excluded.pinged,
				    banner = excluded.banner, detail = excluded.detail, duration_ms = excluded.duration_ms,
				    checked_at = excluded.checked_at
				""")
			.params(status.machineId(), status.light().name(), status.pinged(), status.banner(), status.detail(),
					status.durationMs(), Timestamp.from(status.checkedAt()))
			.update();
	}

	Optional<ProbeStatus> probe(long machineId) {
		return this.jdbc.sql("select " + PROBE_COLUMNS + " from machine_probe where machine_id = ?")
			.param(machineId)
			.query(this::mapProbe)
			.optional();
	}

	Map<Long, ProbeStatus> probes(Collection<Long> machineIds) {
		if (machineIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select " + PROBE_COLUMNS + " from machine_probe where machine_id in (:ids)")
			.param("ids", machineIds)
			.query(this::mapProbe)
			.list()
			.stream()
			.collect(Collectors.toMap(ProbeStatus::machineId, (status) -> status));
	}

	long insertCollection(long machineId, String requestedBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into inventory_collection (machine_id, state, requested_by, requested_at)
				values (:machine, 'RUNNING', :by, :now)
				""")
			.param("machine", machineId)
			.param("by", requestedBy)
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void finishCollection(long id, InventoryCollection.State state, String outcome, String error, Instant now) {
		this.jdbc.sql("update inventory_collection set state = ?, outcome = ?, error = ?, finished_at = ? where id = ?")
			.params(state.name(), outcome, error, Timestamp.from(now), id)
			.update();
	}

	Optional<InventoryCollection> collection(long id) {
		return this.jdbc.sql("select " + COLLECTION_COLUMNS + " from inventory_collection where id = ?")
			.param(id)
			.query(this::mapCollection)
			.optional();
	}

	Optional<InventoryCollection> runningCollection(long machineId) {
		return this.jdbc
			.sql("select " + COLLECTION_COLUMNS
					+ " from inventory_collection where machine_id = ? and state = 'RUNNING' order by id desc limit 1")
			.param(machineId)
			.query(this::mapCollection)
			.optional();
	}

	List<InventoryCollection> collections(long machineId, int limit) {
		return this.jdbc
			.sql("select " + COLLECTION_COLUMNS
					+ " from inventory_collection where machine_id = ? order by requested_at desc, id desc limit ?")
			.params(machineId, limit)
			.query(this::mapCollection)
			.list();
	}

	private ProbeStatus mapProbe(ResultSet rs, int row) throws SQLException {
		return new ProbeStatus(rs.getLong("machine_id"), StatusLight.valueOf(rs.getString("light")),
				rs.getBoolean("pinged"), rs.getString("banner"), rs.getString("detail"), rs.getLong("duration_ms"),
				rs.getTimestamp("checked_at").toInstant());
	}

	private InventoryCollection mapCollection(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new InventoryCollection(rs.getLong("id"), rs.getLong("machine_id"),
				InventoryCollection.State.valueOf(rs.getString("state")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), (finished != null) ? finished.toInstant() : null,
				rs.getString("outcome"), rs.getString("error"));
	}

}
