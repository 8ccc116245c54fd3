package parc.orchestrator.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The nodes' rows. Every time compared or written is the database's ({@code now()}), so
 * that nodes whose clocks differ still agree on who is alive.
 */
@Repository
class ClusterRepository {

	private final JdbcClient jdbc;

	ClusterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void register(ThisNode node) {
		this.jdbc.sql("""
				insert into cluster_node (name, incarnation, address, version, started_at, last_heartbeat)
				values (:name, :incarnation, :address, :version, :startedAt, now())
				on conflict (name) do update set incarnation = excluded.incarnation, address = excluded.address,
				    version = excluded.version, started_at = excluded.started_at, last_heartbeat = now(),
				    engine_jobs_minute = 0, phase_tasks_minute = 0, schedule_jobs_minute = 0, stopped_at = null,
				    missing_since = null
				""")
			.param("name", node.name())
			.param("incarnation", node.incarnation())
			.param("address", node.address())
			.param("version", node.version())
			.param("startedAt", Timestamp.from(node.startedAt()))
			.update();
	}

	/**
	 * @return false when the row is not this incarnation's: forgotten by an
	 * administrator, or taken by another node started under the same name
	 */
	boolean heartbeat(ThisNode node, int engineJobs, int phaseTasks, int scheduleJobs) {
		return this.jdbc.sql("""
				update cluster_node set last_heartbeat = now(), engine_jobs_minute = :engineJobs,
				    phase_tasks_minute = :phaseTasks, schedule_jobs_minute = :scheduleJobs, missing_since = null
				where name = :name and incarnation = :incarnation
				""")
			.param("engineJobs", engineJobs)
			.param("phaseTasks", phaseTasks)
			.param("scheduleJobs", scheduleJobs)
			.param("name", node.name())
			.param("incarnation", node.incarnation())
			.update() == 1;
	}

	/** Whether a row of this name exists, of any incarnation. */
	boolean exists(String name) {
		return this.jdbc.sql("select count(*) from cluster_node where name = :name")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	void stopped(ThisNode node) {
		this.jdbc.sql("update cluster_node set stopped_at = now() where name = :name and incarnation = :incarnation")
			.param("name", node.name())
			.param("incarnation", node.incarnation())
			.update();
	}

	/**
	 * Marks the nodes whose heartbeats stopped, each once: the node whose update marks it
	 * is the one that takes its work over.
	 * @return the names newly marked
	 */
	List<String> markMissing(Duration missingAfter) {
		return this.jdbc.sql("""
				update cluster_node set missing_since = last_heartbeat
				where stopped_at is null and missing_since is null
				  and last_heartbeat < now() - :missingAfterMillis * interval '1 millisecond'
				returning name
				""").param("missingAfterMillis", missingAfter.toMillis()).query(String.class).list();
	}

	/** Names of the nodes whose heartbeats arrive. */
	List<String> live(Duration missingAfter) {
		return this.jdbc.sql("""
				select name from cluster_node
				where stopped_at is null and last_heartbeat >= now() - :missingAfterMillis * interval '1 millisecond'
				""").param("missingAfterMillis", missingAfter.toMillis()).query(String.class).list();
	}

	List<ClusterNode> list(Duration missingAfter, String self) {
		return this.jdbc.sql("""
				select name, address, version, started_at, last_heartbeat, engine_jobs_minute, phase_tasks_minute,
				       schedule_jobs_minute, stopped_at, missing_since,
				       case when stopped_at is not null then 'STOPPED'
				            when last_heartbeat < now() - :missingAfterMillis * interval '1 millisecond' then 'MISSING'
				            else 'UP' end as state
				from cluster_node order by name
				""").param("missingAfterMillis", missingAfter.toMillis()).query((rs, row) -> {
			String name = rs.getString("name");
			return new ClusterNode(name, rs.getString("address"), rs.getString("version"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_heartbeat").toInstant(),
					rs.getInt("engine_jobs_minute"), rs.getInt("phase_tasks_minute"), rs.getInt("schedule_jobs_minute"),
					NodeState.valueOf(rs.getString("state")), instant(rs.getTimestamp("stopped_at")),
					instant(rs.getTimestamp("missing_since")), name.equals(self));
		}).list();
	}

	/**
	 * Removes a node that is not up from the list; it comes back when it starts again.
	 */
	boolean forget(String name, Duration missingAfter) {
		return this.jdbc
			.sql("""
					delete from cluster_node
					where name = :name
					  and (stopped_at is not null or last_heartbeat < now() - :missingAfterMillis * interval '1 millisecond')
					""")
			.param("name", name)
			.param("missingAfterMillis", missingAfter.toMillis())
			.update() == 1;
	}

	Optional<String> fingerprint(String secret) {
		return this.jdbc.sql("select fingerprint from shared_secret_check where name = :name")
			.param("name", secret)
			.query(String.class)
			.optional();
	}

	/** Records the fingerprint unless another node recorded one first. */
	void recordFingerprint(String secret, String fingerprint) {
		this.jdbc
			.sql("insert into shared_secret_check (name, fingerprint) values (:name, :fingerprint)"
					+ " on conflict (name) do nothing")
			.param("name", secret)
			.param("fingerprint", fingerprint)
			.update();
	}

	String recordedBy(String secret) {
		return this.jdbc
			.sql("select coalesce(nullif(recorded_by, ''), 'a node') || ' on ' || "
					+ "to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'"
					+ " from shared_secret_check where name = :name")
			.param("name", secret)
			.query(String.class)
			.single();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
