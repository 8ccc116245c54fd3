package parc.orchestrator.periodicinventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PeriodicInventoryRepository {

	/**
	 * Machines an inventory over SSH can reach: an agentless channel and a credential.
	 */
	private static final String REACHABLE = "m.channel = 'AGENTLESS_SSH' and m.credential_id is not null";

	/** Machines already being inventoried, by another run or on demand. */
	private static final String BUSY = """
			(exists (select 1 from schedule_run_machine b where b.machine_id = m.id and b.state in ('PENDING', 'RUNNING'))
			 or exists (select 1 from inventory_collection c where c.machine_id = m.id and c.state = 'RUNNING'))
			""";

	private final JdbcClient jdbc;

	PeriodicInventoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the run's machines, PENDING: those reachable over SSH, among {@code among}
	 * (every machine when null), and not already being inventoried.
	 * @return how many were added
	 */
	int plan(long runId, List<Long> among) {
		return this.jdbc
			.sql("insert into schedule_run_machine (run_id, machine_id, state) select ?, m.id, 'PENDING'"
					+ " from machine m where " + REACHABLE + " and (? or m.id = any(?))" + " and not " + BUSY)
			.params(runId, among == null, array(among))
			.update();
	}

	/**
	 * Of the same machines, those left out because they are being inventoried already.
	 */
	int busy(List<Long> among) {
		return this.jdbc
			.sql("select count(*) from machine m where " + REACHABLE + " and (? or m.id = any(?)) and " + BUSY)
			.params(among == null, array(among))
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes up to {@code places} waiting machines of the run, RUNNING from now; a machine
	 * another node takes at the same moment is passed over.
	 */
	List<Long> claim(long runId, int places) {
		return this.jdbc.sql("""
				update schedule_run_machine set state = 'RUNNING'
				 where run_id = ? and machine_id in (
				       select machine_id from schedule_run_machine
				        where run_id = ? and state = 'PENDING'
				        order by machine_id limit ? for update skip locked)
				returning machine_id
				""").params(runId, runId, places).query(Long.class).list();
	}

	void processStarted(long runId, long machineId, String processInstanceId) {
		this.jdbc.sql("update schedule_run_machine set process_instance_id = ? where run_id = ? and machine_id = ?")
			.params(processInstanceId, runId, machineId)
			.update();
	}

	/** The run's RUNNING machines with their process instance. */
	List<Map.Entry<Long, String>> runningWithProcess(long runId) {
		return this.jdbc.sql("""
				select machine_id, process_instance_id from schedule_run_machine
				 where run_id = ? and state = 'RUNNING' and process_instance_id is not null
				""").param(runId).query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
	}

	/**
	 * @return false when the machine was not running in this run (gone since)
	 */
	boolean finish(long runId, long machineId, boolean done, String error, Instant now) {
		return this.jdbc.sql("""
				update schedule_run_machine set state = ?, error = ?, finished_at = ?
				 where run_id = ? and machine_id = ? and state = 'RUNNING'
				""").params(done ? "DONE" : "FAILED", error, Timestamp.from(now), runId, machineId).update() == 1;
	}

	/** Locks the run's row so that two machines finishing at once count in turn. */
	boolean lockRun(long runId) {
		return !this.jdbc.sql("select id from schedule_run where id = ? and state = 'RUNNING' for update")
			.param(runId)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	RunMachineCounts counts(long runId) {
		return this.jdbc.sql("""
				select count(*) as planned,
				       count(*) filter (where state = 'DONE') as done,
				       count(*) filter (where state = 'FAILED') as failed,
				       count(*) filter (where state in ('PENDING', 'RUNNING')) as left_over
				  from schedule_run_machine where run_id = ?
				""")
			.param(runId)
			.query((rs, row) -> new RunMachineCounts(rs.getInt("planned"), rs.getInt("done"), rs.getInt("failed"),
					rs.getInt("left_over")))
			.single();
	}

	private static Long[] array(List<Long> ids) {
		return (ids == null) ? new Long[0] : ids.toArray(new Long[0]);
	}

}
