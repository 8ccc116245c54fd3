package parc.orchestrator.system.restart;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work whose thread is gone with the process and that cannot be picked up where it
 * stopped (a command half run on a machine, a sweep, a file half copied): its rows left
 * in a running state by a node that is gone are marked failed with the reason, in one
 * statement; each table has a {@code run_node} column naming the node. The table and
 * column names are Parc's own constants, never input.
 */
public final class RunningRows implements InterruptedWork {

	private final String kind;

	private final JdbcClient jdbc;

	private final String update;

	/**
	 * @param table the work's table
	 * @param runningStates the states that mean "still running"
	 * @param failedState the state to leave them in
	 * @param errorColumn where the reason goes
	 * @param finishedColumn the end time, or null when the table has none
	 */
	public RunningRows(String kind, JdbcClient jdbc, String table, List<String> runningStates, String failedState,
			String errorColumn, String finishedColumn) {
		this(kind, jdbc, table, runningStates, failedState, errorColumn, finishedColumn, null);
	}

	/**
	 * The same, for the rows that also meet {@code condition} (a boolean column, or
	 * {@code not} one): work handed over to something that survives a restart is left
	 * alone.
	 */
	public RunningRows(String kind, JdbcClient jdbc, String table, List<String> runningStates, String failedState,
			String errorColumn, String finishedColumn, String condition) {
		List.of(table, failedState, errorColumn).forEach(RunningRows::checkName);
		runningStates.forEach(RunningRows::checkName);
		if (finishedColumn != null) {
			checkName(finishedColumn);
		}
		if (condition != null && !condition.matches("(not )?[a-zA-Z_]+")) {
			throw new IllegalArgumentException("not a plain boolean column: " + condition);
		}
		this.kind = kind;
		this.jdbc = jdbc;
		this.update = "update " + table + " set state = '" + failedState + "', " + errorColumn + " = :reason"
				+ ((finishedColumn != null) ? ", " + finishedColumn + " = :now" : "") + " where state in ('"
				+ String.join("', '", runningStates) + "')" + ((condition != null) ? " and " + condition : "") + " and "
				+ Interruption.abandonedBy("run_node");
	}

	private static void checkName(String name) {
		if (!name.matches("[a-zA-Z_]+")) {
			throw new IllegalArgumentException("not a plain SQL name: " + name);
		}
	}

	@Override
	public String kind() {
		return this.kind;
	}

	@Override
	public Resolved resolve(Interruption interruption) {
		return Resolved.failed(this.jdbc.sql(this.update)
			.param("reason", interruption.reason())
			.param("now", Timestamp.from(interruption.at()))
			.param("liveNodes", interruption.liveNodesParameter())
			.update());
	}

}
