package parc.orchestrator.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class DeploymentRepository {

	private static final TypeReference<Map<DeploymentPhase, PhaseStatus>> PHASES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	DeploymentRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long packageId, String label, DeploymentOptions options, String requestedBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into deployment (package_id, label, options, requested_by, requested_at)
				values (:package, :label, cast(:options as jsonb), :by, :now)
				""")
			.param("package", packageId)
			.param("label", label)
			.param("options", write(options))
			.param("by", requestedBy)
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void insertTarget(long deploymentId, long machineId, String machineName, Map<DeploymentPhase, PhaseStatus> phases,
			Instant nextAttemptAt, Instant now) {
		this.jdbc.sql("""
				insert into deployment_target (deployment_id, machine_id, machine_name, state, phases, next_attempt_at,
				                               updated_at)
				values (?, ?, ?, 'SCHEDULED', cast(? as jsonb), ?, ?)
				""")
			.params(deploymentId, machineId, machineName, write(phases),
					(nextAttemptAt != null) ? Timestamp.from(nextAttemptAt) : null, Timestamp.from(now))
			.update();
	}

	Optional<DeploymentTarget> target(long deploymentId, String machineName) {
		return this.jdbc.sql("""
				select machine_id, machine_name, state, phases::text as phases, failed_phase, next_attempt_at,
				       reschedule_reason, detail, updated_at
				  from deployment_target where deployment_id = ? and machine_name = ?
				""").params(deploymentId, machineName).query(this::mapTarget).optional();
	}

	void updateTarget(long deploymentId, DeploymentTarget target, Instant now) {
		this.jdbc
			.sql("""
					update deployment_target set state = ?, phases = cast(? as jsonb), failed_phase = ?, next_attempt_at = ?,
					       reschedule_reason = ?, detail = ?, updated_at = ?
					 where deployment_id = ? and machine_name = ?
					""")
			.params(target.state().name(), write(target.phases()),
					(target.failedPhase() != null) ? target.failedPhase().name() : null,
					(target.nextAttemptAt() != null) ? Timestamp.from(target.nextAttemptAt()) : null,
					(target.rescheduleReason() != null) ? target.rescheduleReason().name() : null, target.detail(),
					Timestamp.from(now), deploymentId, target.machineName())
			.update();
	}

	Optional<Deployment> find(long id) {
		List<DeploymentTarget> targets = this.jdbc.sql("""
				select machine_id, machine_name, state, phases::text as phases, failed_phase, next_attempt_at,
				       reschedule_reason, detail, updated_at
				  from deployment_target where deployment_id = ? order by lower(machine_name)
				""").param(id).query(this::mapTarget).list();
		return this.jdbc.sql("select *, options::text as options_json from deployment where id = ?")
			.param(id)
			.query((rs, row) -> mapDeployment(rs, targets))
			.optional();
	}

	Page<Deployment> page(PageRequest page) {
		long total = this.jdbc.sql("select count(*) from deployment").query(Long.class).single();
		List<Deployment> rows = this.jdbc
			.sql("select *, options::text as options_json from deployment order by requested_at desc, id desc"
					+ " limit ? offset ?")
			.params(page.size(), page.offset())
			.query((rs, row) -> mapDeployment(rs, List.of()))
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	void appendLog(long deploymentId, String machineName, LogLine line) {
		this.jdbc.sql("""
				insert into deployment_log (deployment_id, machine_name, at, phase, kind, text)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(deploymentId, machineName, Timestamp.from(line.at()),
					(line.phase() != null) ? line.phase().name() : null, line.kind().name(), line.text())
			.update();
	}

	List<LogLine> log(long deploymentId, String machineName, int limit) {
		return this.jdbc.sql("""
				select at, phase, kind, text from deployment_log
				 where deployment_id = ? and machine_name = ? order by id limit ?
				""").params(deploymentId, machineName, limit).query((rs, row) -> {
			String phase = rs.getString("phase");
			return new LogLine(rs.getTimestamp("at").toInstant(),
					(phase != null) ? DeploymentPhase.valueOf(phase) : null, LogLine.Kind.valueOf(rs.getString("kind")),
					rs.getString("text"));
		}).list();
	}

	private Deployment mapDeployment(ResultSet rs, List<DeploymentTarget> targets) throws SQLException {
		return new Deployment(rs.getLong("id"), rs.getLong("package_id"), rs.getString("label"),
				readOptions(rs.getString("options_json")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("pause_requested"), targets);
	}

	private DeploymentTarget mapTarget(ResultSet rs, int row) throws SQLException {
		Timestamp next = rs.getTimestamp("next_attempt_at");
		String failed = rs.getString("failed_phase");
		String reason = rs.getString("reschedule_reason");
		return new DeploymentTarget(rs.getObject("machine_id", Long.class), rs.getString("machine_name"),
				TargetState.valueOf(rs.getString("state")), readPhases(rs.getString("phases")),
				(failed != null) ? DeploymentPhase.valueOf(failed) : null, (next != null) ? next.toInstant() : null,
				(reason != null) ? RescheduleReason.valueOf(reason) : null, rs.getString("detail"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Deployment data is always JSON", ex);
		}
	}

	private DeploymentOptions readOptions(String text) {
		try {
			return this.json.readValue(text, DeploymentOptions.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored deployment options are not readable", ex);
		}
	}

	private Map<DeploymentPhase, PhaseStatus> readPhases(String text) {
		try {
			Map<DeploymentPhase, PhaseStatus> phases = new EnumMap<>(DeploymentPhase.class);
			phases.putAll(this.json.readValue(text, PHASES));
			return phases;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored phases are not readable", ex);
		}
	}

}
