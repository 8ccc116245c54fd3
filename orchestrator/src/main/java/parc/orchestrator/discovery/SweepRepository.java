package parc.orchestrator.discovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class SweepRepository {

	private final JdbcClient jdbc;

	SweepRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new RUNNING sweep, unless one of the network is running: the index decides. */
	Optional<Long> start(long networkId, String by, int planned, Instant now) {
		return this.jdbc.sql("""
				insert into sweep (network_id, state, started_by, started_at, planned) values (?, 'RUNNING', ?, ?, ?)
				on conflict (network_id) where state = 'RUNNING' do nothing returning id
				""").params(networkId, by, Timestamp.from(now), planned).query(Long.class).optional();
	}

	Optional<Sweep> running(long networkId) {
		return this.jdbc.sql("select * from sweep where network_id = ? and state = 'RUNNING'")
			.param(networkId)
			.query(SweepRepository::map)
			.optional();
	}

	Optional<Sweep> find(long id) {
		return this.jdbc.sql("select * from sweep where id = ?").param(id).query(SweepRepository::map).optional();
	}

	Optional<Sweep> last(long networkId) {
		return this.jdbc.sql("select * from sweep where network_id = ? order by started_at desc, id desc limit 1")
			.param(networkId)
			.query(SweepRepository::map)
			.optional();
	}

	Page<Sweep> page(long networkId, PageRequest page) {
		long total = this.jdbc.sql("select count(*) from sweep where network_id = ?")
			.param(networkId)
			.query(Long.class)
			.single();
		List<Sweep> content = this.jdbc
			.sql("select * from sweep where network_id = ? order by started_at desc, id desc limit ? offset ?")
			.params(networkId, page.size(), page.offset())
			.query(SweepRepository::map)
			.list();
		return new Page<>(content, page.page(), page.size(), total);
	}

	void progress(long id, int probed, int found) {
		this.jdbc.sql("update sweep set probed = ?, found = ? where id = ? and state = 'RUNNING'")
			.params(probed, found, id)
			.update();
	}

	boolean requestStop(long id, String by) {
		return this.jdbc.sql("update sweep set stop_requested = true, error = ? where id = ? and state = 'RUNNING'")
			.params("stopped by " + by, id)
			.update() == 1;
	}

	boolean stopRequested(long id) {
		return this.jdbc.sql("select stop_requested from sweep where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	void finish(long id, Sweep.State state, int probed, int found, String error, Instant now) {
		this.jdbc.sql("""
				update sweep set state = ?, probed = ?, found = ?, error = coalesce(?, error), finished_at = ?
				 where id = ? and state = 'RUNNING'
				""").params(state.name(), probed, found, error, Timestamp.from(now), id).update();
	}

	private static Sweep map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Sweep(rs.getLong("id"), rs.getLong("network_id"), Sweep.State.valueOf(rs.getString("state")),
				rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
				(finished == null) ? null : finished.toInstant(), rs.getInt("planned"), rs.getInt("probed"),
				rs.getInt("found"), rs.getString("error"));
	}

}
