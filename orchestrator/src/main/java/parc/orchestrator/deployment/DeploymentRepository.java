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

	/**
	 * @param packageId the package, null for a bundle
	 * @param parentId the bundle of a bundle's package, or null
	 * @param level the bundle level of a bundle's package, or null
	 */
	long insert(Long packageId, Long parentId, Integer level, String label, DeploymentOptions options,
			String requestedBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into deployment (package_id, parent_id, bundle_level, label, options, requested_by, requested_at)
				values (:package, :parent, :level, :label, cast(:options as jsonb), :by, :now)
				""")
			.param("package", packageId)
			.param("parent", parentId)
			.param("level", level)
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
				       reschedule_reason, detail, updated_at, unreachable, agent_result
				  from deployment_target where deployment_id = ? and machine_name = ?
				""").params(deploymentId, machineName).query(this::mapTarget).optional();
	}

	void updateTarget(long deploymentId, DeploymentTarget target, Instant now) {
		this.jdbc
			.sql("""
					update deployment_target set state = ?, phases = cast(? as jsonb), failed_phase = ?, next_attempt_at = ?,
					       reschedule_reason = ?, detail = ?, updated_at = ?, unreachable = ?
					 where deployment_id = ? and machine_name = ?
					""")
			.params(target.state().name(), write(target.phases()),
					(target.failedPhase() != null) ? target.failedPhase().name() : null,
					(target.nextAttemptAt() != null) ? Timestamp.from(target.nextAttemptAt()) : null,
					(target.rescheduleReason() != null) ? target.rescheduleReason().name() : null, target.detail(),
					Timestamp.from(now), target.unreachable(), deploymentId, target.machineName())
			.update();
	}

	void setGroup(long deploymentId, long groupId, String groupName) {
		this.jdbc.sql("update deployment set group_id = ?, group_name = ? where id = ?")
			.params(groupId, groupName, deploymentId)
			.update();
	}

	/** The deployment without its machines: what the work of one machine needs. */
	Optional<Deployment> findHeader(long id) {
		return this.jdbc.sql("select *, options::text as options_json from deployment where id = ?")
			.param(id)
			.query((rs, row) -> mapDeployment(rs, List.of()))
			.optional();
	}

	Optional<Deployment> find(long id) {
		List<DeploymentTarget> targets = this.jdbc.sql("""
				select machine_id, machine_name, state, phases::text as phases, failed_phase, next_attempt_at,
				       reschedule_reason, detail, updated_at, unreachable, agent_result
				  from deployment_target where deployment_id = ? order by lower(machine_name)
				""").param(id).query(this::mapTarget).list();
		return this.jdbc.sql("select *, options::text as options_json from deployment where id = ?")
			.param(id)
			.query((rs, row) -> mapDeployment(rs, targets))
			.optional();
	}

	/** The deployment's options alone: what phases read, without its machines. */
	Optional<DeploymentOptions> options(long id) {
		return this.jdbc.sql("select options::text from deployment where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(this::readOptions);
	}

	/**
	 * Locks the row of the deployment's top (itself, or its bundle) and returns what
	 * decides whether a machine may start work: paused, stopped, the cap. NO KEY UPDATE,
	 * not UPDATE: every log line inserted takes a KEY SHARE lock on its deployment, and
	 * two transactions holding those and both asking for UPDATE deadlock.
	 */
	Optional<SlotGroup> lockSlotGroup(long deploymentId) {
		return this.jdbc.sql("""
				select id, pause_requested, stopped_at is not null as stopped, options::text as options_json
				  from deployment where id = (select coalesce(parent_id, id) from deployment where id = ?)
				   for no key update
				""")
			.param(deploymentId)
			.query((rs, row) -> new SlotGroup(rs.getLong("id"), rs.getBoolean("pause_requested"),
					rs.getBoolean("stopped"), readOptions(rs.getString("options_json")).concurrency()))
			.optional();
	}

	/**
	 * Machines of the top deployment and its children holding a slot now, but this one.
	 */
	int slotsInUse(long top, long deploymentId, String machineName) {
		return this.jdbc.sql("""
				select count(*) from deployment_target t join deployment d on d.id = t.deployment_id
				 where t.slot_until > now() and (d.id = :top or d.parent_id = :top)
				   and not (t.deployment_id = :deployment and t.machine_name = :machine)
				""")
			.param("top", top)
			.param("deployment", deploymentId)
			.param("machine", machineName)
			.query(Integer.class)
			.single();
	}

	/** How many of the top deployment's machines hold a slot now. */
	int slotsInUse(long top, Instant now) {
		return this.jdbc.sql("""
				select count(*) from deployment_target t join deployment d on d.id = t.deployment_id
				 where t.slot_until > :now and (d.id = :top or d.parent_id = :top)
				""").param("top", top).param("now", Timestamp.from(now)).query(Integer.class).single();
	}

	/** A phase of a process started by an older Parc holds its slot until released. */
	void holdSlot(long deploymentId, String machineName) {
		this.jdbc
			.sql("update deployment_target set slot_until = 'infinity' where deployment_id = ? and machine_name = ?")
			.params(deploymentId, machineName)
			.update();
	}

	/**
	 * A worker took the machine's phase task, or renews it: the machine holds a slot
	 * until the task's lock expires.
	 * @return the worker that held it already, when another one's lock had expired ("an
	 * earlier worker" when the slot does not say)
	 */
	Optional<String> holdSlotUntil(long deploymentId, String machineName, Instant until, String workerId) {
		return this.jdbc.sql("""
				update deployment_target t set slot_until = ?, slot_worker = ?
				  from deployment_target before
				 where t.deployment_id = ? and t.machine_name = ?
				   and before.deployment_id = t.deployment_id and before.machine_name = t.machine_name
				returning case when before.slot_until is null then null
				               else coalesce(before.slot_worker, 'an earlier worker') end
				""").params(Timestamp.from(until), workerId, deploymentId, machineName).query(String.class).optional();
	}

	/**
	 * @return whether the machine held one
	 */
	boolean releaseSlot(long deploymentId, String machineName) {
		return this.jdbc.sql("""
				update deployment_target set slot_until = null
				 where deployment_id = ? and machine_name = ? and slot_until is not null
				""").params(deploymentId, machineName).update() > 0;
	}

	/**
	 * The top deployments whose machines have work ahead, neither paused nor stopped,
	 * with how many more machines each may work on now.
	 */
	List<OpenSlots> openSlots(Instant now) {
		return this.jdbc.sql("""
				select top.id, top.options::text as options_json,
				       (select count(*) from deployment_target t join deployment d on d.id = t.deployment_id
				         where (d.id = top.id or d.parent_id = top.id) and t.slot_until > :now) as in_use
				  from deployment top
				 where top.parent_id is null and not top.pause_requested and top.stopped_at is null
				   and exists (select 1 from deployment_target t join deployment d on d.id = t.deployment_id
				                where (d.id = top.id or d.parent_id = top.id)
				                  and t.state not in ('DONE', 'FAILED', 'STOPPED'))
				 order by top.id
				""")
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new OpenSlots(rs.getLong("id"),
					Math.max(0, readOptions(rs.getString("options_json")).concurrency() - rs.getInt("in_use"))))
			.list();
	}

	/**
	 * @param top a top deployment
	 * @param free how many more of its machines may be worked on now
	 */
	record OpenSlots(long top, int free) {
	}

	/** The top deployment's id: itself, or its bundle. */
	long topOf(long deploymentId) {
		return this.jdbc.sql("select coalesce(parent_id, id) from deployment where id = ?")
			.param(deploymentId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new DeploymentNotFoundException(deploymentId));
	}

	List<String> machineNames(long deploymentId) {
		return this.jdbc.sql("select machine_name from deployment_target where deployment_id = ? order by machine_name")
			.param(deploymentId)
			.query(String.class)
			.list();
	}

	void processInstance(long deploymentId, String processInstanceId) {
		this.jdbc.sql("update deployment set process_instance_id = ? where id = ?")
			.params(processInstanceId, deploymentId)
			.update();
	}

	void pauseRequested(long deploymentId, boolean paused) {
		this.jdbc
			.sql("update deployment set pause_requested = ? where (id = ? or parent_id = ?) and stopped_at is null")
			.params(paused, deploymentId, deploymentId)
			.update();
	}

	void stopped(long deploymentId, String by, Instant now) {
		this.jdbc.sql("""
				update deployment set stopped_at = ?, stopped_by = ?, pause_requested = false
				 where (id = ? or parent_id = ?) and stopped_at is null
				""").params(Timestamp.from(now), by, deploymentId, deploymentId).update();
	}

	/** Clears what a finished stop left: a retry starts the deployment again. */
	void restarted(long deploymentId) {
		this.jdbc.sql("""
				update deployment set stopped_at = null, stopped_by = null, pause_requested = false
				 where id = ? or parent_id = ?
				""").params(deploymentId, deploymentId).update();
	}

	/**
	 * Top deployments (not a bundle's children), newest first, with their machines
	 * counted; {@code finished} keeps only those with (false) or without (true) machines
	 * with work ahead, null keeps all.
	 */
	Page<DeploymentSummary> summaries(Boolean finished, Long groupId, PageRequest page) {
		String rows = """
				select d.id, d.label, d.requested_by, d.requested_at, d.pause_requested, d.process_instance_id,
				       d.group_name,
				       count(t.machine_name) as machines,
				       count(t.machine_name) filter (where t.state = 'DONE') as done,
				       count(t.machine_name) filter (where t.state = 'FAILED') as failed,
				       count(t.machine_name) filter (where t.state = 'STOPPED') as stopped
				  from deployment d left join deployment_target t on t.deployment_id = d.id
				 where d.parent_id is null and (cast(:group as bigint) is null or d.group_id = cast(:group as bigint))
				 group by d.id
				""";
		String filter = (finished == null) ? "true" : finished ? "machines = done + failed + stopped and machines > 0"
				: "(machines > done + failed + stopped or machines = 0)";
		long total = this.jdbc.sql("select count(*) from (" + rows + ") s where " + filter)
			.param("group", groupId)
			.query(Long.class)
			.single();
		List<DeploymentSummary> list = this.jdbc
			.sql("select * from (" + rows + ") s where " + filter
					+ " order by requested_at desc, id desc limit :limit offset :offset")
			.param("group", groupId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> {
				int machines = rs.getInt("machines");
				int done = rs.getInt("done");
				int failed = rs.getInt("failed");
				int stopped = rs.getInt("stopped");
				DeploymentState state;
				if (machines == 0 || done + failed + stopped < machines) {
					state = rs.getBoolean("pause_requested") ? DeploymentState.PAUSED : DeploymentState.IN_PROGRESS;
				}
				else if (done == machines) {
					state = DeploymentState.DONE;
				}
				else {
					state = (failed > 0) ? DeploymentState.FAILED : DeploymentState.STOPPED;
				}
				return new DeploymentSummary(rs.getLong("id"), rs.getString("label"), rs.getString("requested_by"),
						rs.getTimestamp("requested_at").toInstant(), state, machines, done, failed, stopped,
						rs.getString("process_instance_id"), rs.getString("group_name"));
			})
			.list();
		return new Page<>(list, page.page(), page.size(), total);
	}

	/** A bundle's packages, by level. */
	List<BundlePart> bundleParts(long bundleId) {
		return this.jdbc.sql("""
				select id, package_id, label, bundle_level from deployment where parent_id = ? order by bundle_level, id
				""")
			.param(bundleId)
			.query((rs, row) -> new BundlePart(rs.getLong("id"), rs.getLong("package_id"), rs.getString("label"),
					rs.getInt("bundle_level")))
			.list();
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

	/**
	 * A machine's log in a deployment and, for a bundle, in its packages' deployments.
	 */
	List<LogLine> log(long deploymentId, String machineName, int limit) {
		return this.jdbc.sql("""
				select at, phase, kind, text from deployment_log
				 where deployment_id in (select id from deployment where id = :id or parent_id = :id)
				   and machine_name = :machine order by id limit :limit
				""").param("id", deploymentId).param("machine", machineName).param("limit", limit).query((rs, row) -> {
			String phase = rs.getString("phase");
			return new LogLine(rs.getTimestamp("at").toInstant(),
					(phase != null) ? DeploymentPhase.valueOf(phase) : null, LogLine.Kind.valueOf(rs.getString("kind")),
					rs.getString("text"));
		}).list();
	}

	private Deployment mapDeployment(ResultSet rs, List<DeploymentTarget> targets) throws SQLException {
		return new Deployment(rs.getLong("id"), rs.getObject("package_id", Long.class), rs.getString("label"),
				readOptions(rs.getString("options_json")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("pause_requested"),
				rs.getString("process_instance_id"), rs.getString("stopped_by"), targets, List.of(),
				rs.getObject("group_id", Long.class), rs.getString("group_name"));
	}

	private DeploymentTarget mapTarget(ResultSet rs, int row) throws SQLException {
		Timestamp next = rs.getTimestamp("next_attempt_at");
		String failed = rs.getString("failed_phase");
		String reason = rs.getString("reschedule_reason");
		return new DeploymentTarget(rs.getObject("machine_id", Long.class), rs.getString("machine_name"),
				TargetState.valueOf(rs.getString("state")), readPhases(rs.getString("phases")),
				(failed != null) ? DeploymentPhase.valueOf(failed) : null, (next != null) ? next.toInstant() : null,
				(reason != null) ? RescheduleReason.valueOf(reason) : null, rs.getString("detail"),
				rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("unreachable"), rs.getString("agent_result"));
	}

	void setAgentResult(long deploymentId, String machineName, String code) {
		this.jdbc.sql("update deployment_target set agent_result = ? where deployment_id = ? and machine_name = ?")
			.params(code, deploymentId, machineName)
			.update();
	}

	void setProcessVersion(long deploymentId, String machineName, MachineProcessVersion version) {
		this.jdbc.sql("""
				update deployment_target set process_definition_id = ?, process_key = ?, process_version = ?
				where deployment_id = ? and machine_name = ?
				""")
			.params(version.definitionId(), version.key(), version.version(), deploymentId, machineName)
			.update();
	}

	java.util.Map<String, MachineProcessVersion> processVersions(long deploymentId) {
		java.util.Map<String, MachineProcessVersion> versions = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select machine_name, process_definition_id, process_key, process_version from deployment_target
				where deployment_id = ? and process_definition_id is not null
				""").param(deploymentId).query((rs, row) -> {
			versions.put(rs.getString("machine_name"), new MachineProcessVersion(rs.getString("process_definition_id"),
					rs.getString("process_key"), rs.getInt("process_version")));
			return null;
		}).list();
		return versions;
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
