package parc.orchestrator.quickaction;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class QuickActionRepository {

	private static final TypeReference<List<CommandLine>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	QuickActionRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insertRun(String actionId, String label, String unixScript, String windowsScript, List<String> arguments,
			String requestedBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into quick_action_run (action_id, label, unix_script, windows_script, arguments, requested_by,
				                              requested_at)
				values (:actionId, :label, :unix, :windows, :arguments, :by, :now)
				""")
			.param("actionId", actionId)
			.param("label", label)
			.param("unix", unixScript)
			.param("windows", windowsScript)
			.param("arguments", arguments.toArray(new String[0]))
			.param("by", requestedBy)
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void insertResult(long runId, long machineId, String machineName, Instant now) {
		this.jdbc.sql("""
				insert into quick_action_result (run_id, machine_id, machine_name, state, started_at)
				values (?, ?, ?, 'RUNNING', ?)
				""").params(runId, machineId, machineName, Timestamp.from(now)).update();
	}

	void finishResult(long runId, String machineName, QuickActionResult.State state, Integer exitCode, boolean timedOut,
			List<CommandLine> lines, long droppedLines, String error, Instant now) {
		this.jdbc.sql("""
				update quick_action_result set state = ?, exit_code = ?, timed_out = ?, output = cast(? as jsonb),
				       dropped_lines = ?, error = ?, finished_at = ?
				 where run_id = ? and machine_name = ?
				""")
			.params(state.name(), exitCode, timedOut, write(lines), droppedLines, error, Timestamp.from(now), runId,
					machineName)
			.update();
	}

	Optional<QuickActionRun> run(long id) {
		List<QuickActionResult> results = this.jdbc.sql("""
				select machine_id, machine_name, state, exit_code, timed_out, output::text as output, dropped_lines,
				       started_at, finished_at, error
				  from quick_action_result where run_id = ? order by lower(machine_name)
				""").param(id).query(this::mapResult).list();
		return this.jdbc.sql("select * from quick_action_run where id = ?")
			.param(id)
			.query((rs, row) -> mapRun(rs, results))
			.optional();
	}

	Page<QuickActionRun> runs(PageRequest page) {
		long total = this.jdbc.sql("select count(*) from quick_action_run").query(Long.class).single();
		List<QuickActionRun> runs = this.jdbc
			.sql("select * from quick_action_run order by requested_at desc, id desc limit ? offset ?")
			.params(page.size(), page.offset())
			.query((rs, row) -> mapRun(rs, List.of()))
			.list();
		return new Page<>(runs, page.page(), page.size(), total);
	}

	int deleteFinishedRunsBefore(Instant before) {
		return this.jdbc.sql("""
				delete from quick_action_run r where r.requested_at < ?
				   and not exists (select 1 from quick_action_result s where s.run_id = r.id and s.state = 'RUNNING')
				""").param(Timestamp.from(before)).update();
	}

	private QuickActionRun mapRun(ResultSet rs, List<QuickActionResult> results) throws SQLException {
		Array arguments = rs.getArray("arguments");
		return new QuickActionRun(rs.getLong("id"), rs.getString("action_id"), rs.getString("label"),
				rs.getString("unix_script"), rs.getString("windows_script"),
				(arguments != null) ? Arrays.asList((String[]) arguments.getArray()) : List.of(),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), results);
	}

	private QuickActionResult mapResult(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new QuickActionResult(rs.getObject("machine_id", Long.class), rs.getString("machine_name"),
				QuickActionResult.State.valueOf(rs.getString("state")), rs.getObject("exit_code", Integer.class),
				rs.getBoolean("timed_out"), read(rs.getString("output")), rs.getLong("dropped_lines"),
				rs.getTimestamp("started_at").toInstant(), (finished != null) ? finished.toInstant() : null,
				rs.getString("error"));
	}

	private String write(List<CommandLine> lines) {
		try {
			return this.json.writeValueAsString(lines);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Output lines are always JSON", ex);
		}
	}

	private List<CommandLine> read(String text) {
		try {
			return this.json.readValue(text, LINES);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored output is not readable", ex);
		}
	}

}
