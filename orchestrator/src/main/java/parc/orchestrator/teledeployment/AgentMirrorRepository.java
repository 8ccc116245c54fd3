package parc.orchestrator.teledeployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgentMirrorRepository {

	private final JdbcClient jdbc;

	AgentMirrorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long packageId, MirrorDraft draft, String network, String tag, Instant now) {
		return this.jdbc.sql("""
				insert into agent_mirror (package_id, info_location, fragments_location, network, tag, created_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(packageId, draft.infoLocation().strip(), draft.fragmentsLocation().strip(), network, tag,
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	List<AgentMirror> ofPackage(long packageId) {
		return this.jdbc.sql("select * from agent_mirror where package_id = ? order by id")
			.param(packageId)
			.query(this::map)
			.list();
	}

	Optional<AgentMirror> find(long packageId, long mirrorId) {
		return this.jdbc.sql("select * from agent_mirror where package_id = ? and id = ?")
			.params(packageId, mirrorId)
			.query(this::map)
			.optional();
	}

	boolean delete(long packageId, long mirrorId) {
		return this.jdbc.sql("delete from agent_mirror where package_id = ? and id = ?")
			.params(packageId, mirrorId)
			.update() > 0;
	}

	void recordCheck(long mirrorId, boolean usable, String problem, List<Long> verifiedBuilds, Instant now) {
		this.jdbc.sql("update agent_mirror set usable = ?, problem = ?, checked_at = ? where id = ?")
			.params(usable, problem, Timestamp.from(now), mirrorId)
			.update();
		this.jdbc.sql("delete from agent_mirror_build where mirror_id = ?").param(mirrorId).update();
		for (long ocsId : verifiedBuilds) {
			this.jdbc.sql("insert into agent_mirror_build (mirror_id, ocs_id) values (?, ?)")
				.params(mirrorId, ocsId)
				.update();
		}
	}

	/** Usable mirrors found to hold this build, oldest first. */
	List<AgentMirror> holding(long ocsId) {
		return this.jdbc.sql("""
				select m.* from agent_mirror m join agent_mirror_build mb on mb.mirror_id = m.id
				 where mb.ocs_id = ? and m.usable order by m.id
				""").param(ocsId).query(this::map).list();
	}

	/** The ready builds of a package, to check a mirror against. */
	List<TeledeploymentRepository.Build> readyBuilds(long packageId) {
		return this.jdbc.sql("""
				select ocs_id, package_id, state, fragments, digest from agent_package_build
				 where package_id = ? and state = 'READY' order by ocs_id
				""")
			.param(packageId)
			.query((rs, row) -> new TeledeploymentRepository.Build(rs.getLong("ocs_id"), rs.getLong("package_id"),
					rs.getString("state"), rs.getObject("fragments", Integer.class), rs.getString("digest")))
			.list();
	}

	private AgentMirror map(ResultSet rs, int row) throws SQLException {
		Timestamp checked = rs.getTimestamp("checked_at");
		return new AgentMirror(rs.getLong("id"), rs.getLong("package_id"), rs.getString("info_location"),
				rs.getString("fragments_location"), rs.getString("network"), rs.getString("tag"),
				rs.getBoolean("usable"), rs.getString("problem"), (checked != null) ? checked.toInstant() : null,
				rs.getTimestamp("created_at").toInstant());
	}

}
