package parc.orchestrator.processdesign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who deployed each process version and how: what the engine's tables do not keep. */
@Repository
class ProcessVersionRepository {

	/** What Parc knows of a version beyond the engine's own record. */
	record Provenance(ProcessOrigin origin, String deployedBy, Instant deployedAt, Integer copiedFrom) {
	}

	private final JdbcClient jdbc;

	ProcessVersionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String definitionId, String key, int version, String deploymentId, ProcessOrigin origin,
			String deployedBy, Instant deployedAt) {
		this.jdbc.sql("""
				insert into process_version (definition_id, process_key, version, deployment_id, origin, deployed_by,
				    deployed_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (definition_id) do nothing
				""")
			.params(definitionId, key, version, deploymentId, origin.name(), deployedBy, Timestamp.from(deployedAt))
			.update();
	}

	void markCopiedFrom(String definitionId, int copiedFrom) {
		this.jdbc.sql("update process_version set copied_from = ? where definition_id = ?")
			.params(copiedFrom, definitionId)
			.update();
	}

	Map<String, Provenance> find(Collection<String> definitionIds) {
		Map<String, Provenance> found = new HashMap<>();
		if (definitionIds.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select definition_id, origin, deployed_by, deployed_at, copied_from from process_version
				where definition_id = any(?)
				""").param(definitionIds.toArray(String[]::new)).query((rs, row) -> {
			Integer copied = (Integer) rs.getObject("copied_from");
			found.put(rs.getString("definition_id"), new Provenance(ProcessOrigin.valueOf(rs.getString("origin")),
					rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant(), copied));
			return null;
		}).list();
		return found;
	}

	List<String> definitionIds(String key) {
		return this.jdbc.sql("select definition_id from process_version where process_key = ?")
			.param(key)
			.query(String.class)
			.list();
	}

}
