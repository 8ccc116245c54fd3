package parc.orchestrator.teledeployment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeledeploymentRepository {

	private final JdbcClient jdbc;

	TeledeploymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A package as agents download it. */
	record Build(long ocsId, long packageId, String state, Integer fragments, String digest) {

		boolean ready() {
			return "READY".equals(this.state);
		}

	}

	/** An offer still waiting for the agent's report. */
	record PendingOffer(long deploymentId, String machineName, long ocsId, String runId, String state, boolean force) {

	}

	Optional<Build> findBuild(long packageId, String fingerprint) {
		return this.jdbc.sql("""
				select ocs_id, package_id, state, fragments, digest from agent_package_build
				 where package_id = ? and fingerprint = ?
				""").params(packageId, fingerprint).query(this::mapBuild).optional();
	}

	Optional<Build> build(long ocsId) {
		return this.jdbc
			.sql("select ocs_id, package_id, state, fragments, digest from agent_package_build where ocs_id = ?")
			.param(ocsId)
			.query(this::mapBuild)
			.optional();
	}

	/**
	 * A new build under a new id from the sequence: concurrent builds never share one.
	 */
	long insertBuilding(long packageId, String fingerprint, Instant now) {
		return this.jdbc.sql("""
				insert into agent_package_build (ocs_id, package_id, fingerprint, state, created_at)
				values (nextval('agent_package_ocs_id'), ?, ?, 'BUILDING', ?)
				returning ocs_id
				""").params(packageId, fingerprint, Timestamp.from(now)).query(Long.class).single();
	}

	void markReady(long ocsId, int fragments, String digest, long archiveBytes, Instant now) {
		this.jdbc.sql("""
				update agent_package_build set state = 'READY', fragments = ?, digest = ?, archive_bytes = ?,
				       built_at = ?, detail = null
				 where ocs_id = ?
				""").params(fragments, digest, archiveBytes, Timestamp.from(now), ocsId).update();
	}

	void markFailed(long ocsId, String detail) {
		this.jdbc.sql("update agent_package_build set state = 'FAILED', detail = ? where ocs_id = ?")
			.params(detail, ocsId)
			.update();
	}

	void upsertOffer(long deploymentId, String machineName, long machineId, long ocsId, String runId, boolean force,
			Instant now) {
		this.jdbc
			.sql("""
					insert into agent_offer (deployment_id, machine_name, machine_id, ocs_id, run_id, state, force, offered_at)
					values (?, ?, ?, ?, ?, 'WAITING_FOR_AGENT', ?, ?)
					on conflict (deployment_id, machine_name) do update
					   set machine_id = excluded.machine_id, ocs_id = excluded.ocs_id, run_id = excluded.run_id,
					       state = 'WAITING_FOR_AGENT', force = excluded.force, result = null,
					       offered_at = excluded.offered_at, notified_at = null, reported_at = null
					""")
			.params(deploymentId, machineName, machineId, ocsId, runId, force, Timestamp.from(now))
			.update();
	}

	/**
	 * The machine's offers that wait for a report, of deployments not stopped, whose
	 * machine is not finished, whose build agents can download.
	 */
	List<PendingOffer> pendingOffers(long machineId) {
		return this.jdbc.sql("""
				select o.deployment_id, o.machine_name, o.ocs_id, o.run_id, o.state, o.force
				  from agent_offer o
				  join agent_package_build b on b.ocs_id = o.ocs_id and b.state = 'READY'
				  join deployment_target t on t.deployment_id = o.deployment_id and t.machine_name = o.machine_name
				  join deployment d on d.id = o.deployment_id
				 where o.machine_id = ? and o.state in ('WAITING_FOR_AGENT', 'NOTIFIED')
				   and t.state not in ('DONE', 'FAILED', 'STOPPED') and d.stopped_at is null
				 order by o.offered_at, o.deployment_id
				""").param(machineId).query(this::mapOffer).list();
	}

	boolean markNotified(long deploymentId, String machineName, Instant now) {
		return this.jdbc.sql("""
				update agent_offer set state = 'NOTIFIED', notified_at = ?
				 where deployment_id = ? and machine_name = ? and state = 'WAITING_FOR_AGENT'
				""").params(Timestamp.from(now), deploymentId, machineName).update() > 0;
	}

	/**
	 * The offer this report answers: the machine's latest one of that id still waiting.
	 */
	Optional<PendingOffer> waitingOffer(long machineId, long ocsId) {
		return this.jdbc.sql("""
				select deployment_id, machine_name, ocs_id, run_id, state, force from agent_offer
				 where machine_id = ? and ocs_id = ? and state in ('WAITING_FOR_AGENT', 'NOTIFIED')
				 order by offered_at desc limit 1
				""").params(machineId, ocsId).query(this::mapOffer).optional();
	}

	boolean markReported(PendingOffer offer, String code, Instant now) {
		return this.jdbc.sql("""
				update agent_offer set state = 'REPORTED', result = ?, reported_at = ?
				 where deployment_id = ? and machine_name = ? and run_id = ?
				   and state in ('WAITING_FOR_AGENT', 'NOTIFIED')
				""")
			.params(code, Timestamp.from(now), offer.deploymentId(), offer.machineName(), offer.runId())
			.update() > 0;
	}

	/** The package's offers in these states, to withdraw them. */
	List<PendingOffer> offersOfPackage(long packageId, List<String> states) {
		return this.jdbc.sql("""
				select o.deployment_id, o.machine_name, o.ocs_id, o.run_id, o.state, o.force
				  from agent_offer o join agent_package_build b on b.ocs_id = o.ocs_id
				 where b.package_id = :package and o.state in (:states)
				""").param("package", packageId).param("states", states).query(this::mapOffer).list();
	}

	boolean markWithdrawn(PendingOffer offer, Instant now) {
		return this.jdbc.sql("""
				update agent_offer set state = 'WITHDRAWN', reported_at = ?
				 where deployment_id = ? and machine_name = ? and run_id = ? and state = ?
				""")
			.params(Timestamp.from(now), offer.deploymentId(), offer.machineName(), offer.runId(), offer.state())
			.update() > 0;
	}

	/**
	 * @return since when the attempt waits: now, or when it first asked
	 */
	Instant insertInventoryWait(String runId, long machineId, long deploymentId, String machineName, Instant now) {
		return this.jdbc.sql("""
				insert into agent_inventory_wait (run_id, machine_id, deployment_id, machine_name, since)
				values (?, ?, ?, ?, ?) on conflict (run_id) do update set run_id = excluded.run_id
				returning since
				""")
			.params(runId, machineId, deploymentId, machineName, Timestamp.from(now))
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/** The attempt no longer waits (it gave up). */
	void deleteInventoryWait(String runId) {
		this.jdbc.sql("delete from agent_inventory_wait where run_id = ?").param(runId).update();
	}

	/** The attempts waiting for this machine's next inventory; they are forgotten. */
	List<String> takeInventoryWaits(long machineId) {
		return this.jdbc.sql("delete from agent_inventory_wait where machine_id = ? returning run_id")
			.param(machineId)
			.query(String.class)
			.list();
	}

	boolean waitsForInventory(long machineId) {
		return this.jdbc.sql("select exists (select 1 from agent_inventory_wait where machine_id = ?)")
			.param(machineId)
			.query(Boolean.class)
			.single();
	}

	/** Offers of stopped deployments: no agent is told any more, no report counts. */
	int withdrawDeployments(List<Long> deploymentIds, Instant now) {
		return this.jdbc.sql("""
				update agent_offer set state = 'WITHDRAWN', reported_at = :now
				 where deployment_id in (:ids) and state in ('WAITING_FOR_AGENT', 'NOTIFIED')
				""").param("now", Timestamp.from(now)).param("ids", deploymentIds).update();
	}

	/** Forgets the package's builds and every offer of them; returns the builds' ids. */
	List<Long> deleteBuilds(long packageId) {
		List<Long> ids = this.jdbc.sql("select ocs_id from agent_package_build where package_id = ?")
			.param(packageId)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			this.jdbc.sql("delete from agent_offer where ocs_id in (:ids)").param("ids", ids).update();
			this.jdbc.sql("delete from agent_package_build where package_id = ?").param(packageId).update();
		}
		return ids;
	}

	/** Whether agents may fetch the build's files: ready, and offered to some machine. */
	boolean downloadable(long ocsId) {
		return this.jdbc.sql("""
				select exists (select 1 from agent_package_build b
				                 join agent_offer o on o.ocs_id = b.ocs_id
				                where b.ocs_id = ? and b.state = 'READY'
				                  and o.state in ('WAITING_FOR_AGENT', 'NOTIFIED'))
				""").param(ocsId).query(Boolean.class).single();
	}

	Set<Long> history(long machineId) {
		return this.jdbc.sql("select ocs_id from agent_package_history where machine_id = ?")
			.param(machineId)
			.query(Long.class)
			.set();
	}

	/**
	 * In the caller's transaction. Two reports of one machine at once (an agent's request
	 * sent again to another node) take turns: the second replaces what the first wrote
	 * instead of colliding with it.
	 */
	void replaceHistory(long machineId, Collection<Long> ocsIds) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('agent_package_history:' || ?, 0))")
			.param(machineId)
			.query((rs) -> {
			});
		this.jdbc.sql("delete from agent_package_history where machine_id = ?").param(machineId).update();
		for (Long id : ocsIds.stream().collect(Collectors.toSet())) {
			this.jdbc.sql("insert into agent_package_history (machine_id, ocs_id) values (?, ?)")
				.params(machineId, id)
				.update();
		}
	}

	private static final String SHOWN_STATE = "case when o.state = 'REPORTED' then o.result else o.state end";

	private static final String OF_PACKAGE = """
			  from agent_offer o join agent_package_build b on b.ocs_id = o.ocs_id
			 where b.package_id = :package and o.state <> 'WITHDRAWN' and not o.validated
			""";

	java.util.Map<String, Long> statistics(long packageId) {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select " + SHOWN_STATE + " as shown, count(*) as machines " + OF_PACKAGE
					+ " group by shown order by shown")
			.param("package", packageId)
			.query((rs) -> {
				counts.put(rs.getString("shown"), rs.getLong("machines"));
			});
		return counts;
	}

	List<AgentStatisticsMachine> statisticsMachines(long packageId, String state, int limit, long offset) {
		return this.jdbc
			.sql("select o.machine_id, o.machine_name, o.deployment_id, " + SHOWN_STATE + " as shown,"
					+ " coalesce(o.reported_at, o.notified_at, o.offered_at) as at " + OF_PACKAGE
					+ " and (cast(:state as text) is null or " + SHOWN_STATE + " = cast(:state as text))"
					+ " order by at desc, o.machine_name limit :limit offset :offset")
			.param("package", packageId)
			.param("state", state)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new AgentStatisticsMachine(rs.getLong("machine_id"), rs.getString("machine_name"),
					rs.getLong("deployment_id"), rs.getString("shown"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	long countStatisticsMachines(long packageId, String state) {
		return this.jdbc
			.sql("select count(*) " + OF_PACKAGE + " and (cast(:state as text) is null or " + SHOWN_STATE
					+ " = cast(:state as text))")
			.param("package", packageId)
			.param("state", state)
			.query(Long.class)
			.single();
	}

	int validateSuccesses(long packageId) {
		return this.jdbc.sql("""
				update agent_offer o set validated = true
				  from agent_package_build b
				 where b.ocs_id = o.ocs_id and b.package_id = ? and o.state = 'REPORTED' and not o.validated
				   and (o.result = 'SUCCESS' or o.result like 'SUCCESS\\_%')
				""").param(packageId).update();
	}

	private Build mapBuild(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Build(rs.getLong("ocs_id"), rs.getLong("package_id"), rs.getString("state"),
				rs.getObject("fragments", Integer.class), rs.getString("digest"));
	}

	private PendingOffer mapOffer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PendingOffer(rs.getLong("deployment_id"), rs.getString("machine_name"), rs.getLong("ocs_id"),
				rs.getString("run_id"), rs.getString("state"), rs.getBoolean("force"));
	}

}
