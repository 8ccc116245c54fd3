package parc.orchestrator.machineimport;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.restart.Interruption;

/**
 * The imports, their staged rows, and the set-based checks and writes that turn staged
 * rows into machines: one statement per step whatever the file's size.
 */
@Repository
class MachineImportRepository {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	MachineImportRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	long insert(String fileName, MachineImportSource source, MachineImportMode mode, String charset,
			List<String> mapping, String storedPath, String requestedBy) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into machine_import (file_name, source, mode, charset, mapping, stored_path, state, requested_by)
				values (:file, :source, :mode, :charset, cast(:mapping as jsonb), :path, 'PENDING', :by)
				""")
			.param("file", fileName)
			.param("source", source.name())
			.param("mode", mode.name())
			.param("charset", charset)
			.param("mapping", json(mapping))
			.param("path", storedPath)
			.param("by", requestedBy)
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<MachineImport> find(long id) {
		return this.jdbc.sql("select * from machine_import where id = ?").param(id).query(this::map).optional();
	}

	Optional<String> storedPath(long id) {
		return this.jdbc.sql("select stored_path from machine_import where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	Page<MachineImport> findPage(PageRequest page) {
		long total = this.jdbc.sql("select count(*) from machine_import").query(Long.class).single();
		List<MachineImport> rows = this.jdbc
			.sql("select * from machine_import order by requested_at desc, id desc limit ? offset ?")
			.params(page.size(), page.offset())
			.query(this::map)
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	void setState(long id, MachineImportState state) {
		this.jdbc.sql("update machine_import set state = ? where id = ?").params(state.name(), id).update();
	}

	void setRowsRead(long id, int rows) {
		this.jdbc.sql("update machine_import set rows_read = ? where id = ?").params(rows, id).update();
	}

	void fail(long id, String failure) {
		this.jdbc.sql("update machine_import set state = 'FAILED', failure = ?, finished_at = now() where id = ?")
			.params(failure, id)
			.update();
	}

	void finish(long id, MachineImportState state, String failure) {
		this.jdbc.sql("""
				update machine_import i set state = :state, failure = :failure, finished_at = now(),
				       created = c.created, updated = c.updated, unchanged = c.unchanged, errors = c.errors
				  from (select count(*) filter (where outcome = 'CREATED') as created,
				               count(*) filter (where outcome = 'UPDATED') as updated,
				               count(*) filter (where outcome = 'UNCHANGED') as unchanged,
				               count(*) filter (where outcome = 'ERROR') as errors
				          from machine_import_row where import_id = :id) c
				 where i.id = :id
				""").param("state", state.name()).param("failure", failure).param("id", id).update();
	}

	/** Imports that finished before {@code cutoff}, with their rows. */
	int deleteFinishedBefore(java.time.Instant cutoff) {
		return this.jdbc.sql("delete from machine_import where finished_at < ?")
			.param(java.sql.Timestamp.from(cutoff))
			.update();
	}

	/** Whether an import not run yet still needs this file. */
	boolean isPendingUpload(String storedPath) {
		return this.jdbc.sql(
				"select exists (select 1 from machine_import where stored_path = ? and state not in ('DONE', 'FAILED'))")
			.param(storedPath)
			.query(Boolean.class)
			.single();
	}

	/** Imports a stopped process left between PENDING and APPLYING. */
	/** Those left unfinished by a node that is gone. */
	List<MachineImport> unfinished(Interruption interruption) {
		return this.jdbc
			.sql("select * from machine_import where state not in ('DONE', 'FAILED') and "
					+ Interruption.abandonedBy("run_node") + " order by id")
			.param("liveNodes", interruption.liveNodesParameter())
			.query(this::map)
			.list();
	}

	/** Back to the start, on this node: its rows are read again from the kept file. */
	void restart(long id) {
		deleteRows(id);
		this.jdbc
			.sql("update machine_import set state = 'PENDING', rows_read = 0,"
					+ " run_node = current_setting('application_name', true) where id = ?")
			.param(id)
			.update();
	}

	void deleteRows(long id) {
		this.jdbc.sql("delete from machine_import_row where import_id = ?").param(id).update();
	}

	void stage(long id, List<StagedRow> rows) {
		this.batch.batchUpdate("""
				insert into machine_import_row (import_id, line, name, address, mac_addresses, os_family, channel,
				  ssh_port, ssh_user, credential_name, tags, notes, tag, admin_fields, error, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
				""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				StagedRow row = rows.get(i);
				ps.setLong(1, id);
				ps.setInt(2, row.line());
				ps.setString(3, row.name());
				ps.setString(4, row.address());
				ps.setArray(5, array(ps, row.macAddresses()));
				ps.setString(6, row.osFamily());
				ps.setString(7, row.channel());
				ps.setObject(8, row.sshPort(), Types.INTEGER);
				ps.setString(9, row.sshUser());
				ps.setString(10, row.credentialName());
				ps.setArray(11, array(ps, row.tags()));
				ps.setString(12, row.notes());
				ps.setString(13, row.tag());
				ps.setString(14, json(row.adminFields()));
				ps.setString(15, row.error());
				ps.setString(16, (row.error() != null) ? RowOutcome.ERROR.name() : null);
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}

		});
	}

	/**
	 * Fresh statistics for the staging table: just filled, it looks empty to the planner,
	 * which would then join it row by row (seconds per thousand rows).
	 */
	void analyzeStagedRows() {
		this.jdbc.sql("analyze machine_import_row").update();
	}

	/**
	 * A later row with the name of an earlier one is refused, naming the earlier line.
	 */
	void refuseDuplicateNames(long id) {
		this.jdbc.sql("""
				update machine_import_row r set error = 'the name is also on line ' || d.first_line, outcome = 'ERROR'
				  from (select line, min(line) over (partition by lower(name)) as first_line
				          from machine_import_row where import_id = :id and name is not null) d
				 where r.import_id = :id and r.line = d.line and d.first_line <> d.line and r.error is null
				""").param("id", id).update();
	}

	void resolveCredentials(long id) {
		this.jdbc.sql("""
				update machine_import_row r set credential_id = c.id from credential c
				 where r.import_id = :id and r.credential_name is not null and lower(c.name) = lower(r.credential_name)
				""").param("id", id).update();
		this.jdbc.sql("""
				update machine_import_row set error = 'no credential named ''' || credential_name || '''',
				       outcome = 'ERROR'
				 where import_id = :id and credential_name is not null and credential_id is null and error is null
				""").param("id", id).update();
	}

	void linkExistingMachines(long id) {
		this.jdbc.sql("""
				update machine_import_row r set machine_id = m.id from machine m
				 where r.import_id = :id and r.error is null and lower(m.name) = lower(r.name)
				""").param("id", id).update();
	}

	int countErrors(long id) {
		return this.jdbc.sql("select count(*) from machine_import_row where import_id = ? and error is not null")
			.param(id)
			.query(Integer.class)
			.single();
	}

	void markNotApplied(long id) {
		this.jdbc.sql("update machine_import_row set outcome = 'NOT_APPLIED' where import_id = ? and error is null")
			.param(id)
			.update();
	}

	/**
	 * Writes the good rows: existing machines get the mapped fields (UPDATED, or
	 * UNCHANGED when nothing differs), the others are created with defaults for what the
	 * file lacks. Only SQL from {@link ImportColumns} reaches the text.
	 */
	void apply(long id, ImportColumns columns) {
		this.jdbc.sql("""
				update machine_import_row r set outcome = case when %s then 'UPDATED' else 'UNCHANGED' end
				  from machine m left join machine_admin_data a on a.machine_id = m.id
				 where r.import_id = :id and r.error is null and r.machine_id = m.id
				""".formatted(columns.differs())).param("id", id).update();
		if (!columns.registryAssignments().isEmpty()) {
			this.jdbc.sql("""
					update machine m set %s, updated_at = now(), version = m.version + 1
					  from machine_import_row r
					 where r.import_id = :id and r.outcome = 'UPDATED' and r.machine_id = m.id
					""".formatted(columns.registryAssignments())).param("id", id).update();
		}
		this.jdbc
			.sql("""
					insert into machine (name, address, mac_addresses, os_family, channel, ssh_port, ssh_user, credential_id,
					                     tags, notes)
					select name, address, coalesce(mac_addresses, '{}'), coalesce(os_family, 'OTHER'),
					       coalesce(channel, 'AGENTLESS_SSH'), ssh_port, ssh_user, credential_id, coalesce(tags, '{}'), notes
					  from machine_import_row where import_id = :id and error is null and machine_id is null order by line
					""")
			.param("id", id)
			.update();
		this.jdbc.sql("""
				update machine_import_row r set machine_id = m.id, outcome = 'CREATED' from machine m
				 where r.import_id = :id and r.error is null and r.machine_id is null and lower(m.name) = lower(r.name)
				""").param("id", id).update();
		this.jdbc
			.sql("""
					insert into machine_admin_data (machine_id, tag, fields)
					select machine_id, tag, admin_fields from machine_import_row
					 where import_id = :id and outcome in ('CREATED', 'UPDATED') and (tag is not null or admin_fields <> '{}')
					on conflict (machine_id) do update
					   set tag = coalesce(excluded.tag, machine_admin_data.tag),
					       fields = machine_admin_data.fields || excluded.fields, updated_at = now()
					""")
			.param("id", id)
			.update();
	}

	Page<MachineImportRowResult> rows(long id, boolean problemsOnly, PageRequest page) {
		String filter = problemsOnly ? " and outcome in ('ERROR', 'NOT_APPLIED')" : "";
		long total = this.jdbc.sql("select count(*) from machine_import_row where import_id = ?" + filter)
			.param(id)
			.query(Long.class)
			.single();
		List<MachineImportRowResult> rows = this.jdbc
			.sql("select line, name, outcome, error, machine_id from machine_import_row where import_id = ?" + filter
					+ " order by line limit ? offset ?")
			.params(id, page.size(), page.offset())
			.query(MachineImportRepository::mapRow)
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	void eachRow(long id, Consumer<MachineImportRowResult> consumer) {
		this.batch.query(
				"select line, name, outcome, error, machine_id from machine_import_row where import_id = ? order by line",
				(ResultSet rs) -> {
					consumer.accept(mapRow(rs, 0));
				}, id);
	}

	private static MachineImportRowResult mapRow(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new MachineImportRowResult(rs.getInt("line"), rs.getString("name"),
				(outcome != null) ? RowOutcome.valueOf(outcome) : null, rs.getString("error"),
				rs.getObject("machine_id", Long.class));
	}

	private MachineImport map(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new MachineImport(rs.getLong("id"), rs.getString("file_name"),
				MachineImportSource.valueOf(rs.getString("source")), MachineImportMode.valueOf(rs.getString("mode")),
				rs.getString("charset"), readList(rs.getString("mapping")),
				MachineImportState.valueOf(rs.getString("state")), rs.getInt("rows_read"), rs.getInt("created"),
				rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("errors"), rs.getString("failure"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				(finished != null) ? finished.toInstant() : null);
	}

	private static Array array(PreparedStatement ps, List<String> values) throws SQLException {
		return (values != null) ? ps.getConnection().createArrayOf("text", values.toArray()) : null;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> readList(String json) {
		try {
			return JSON.readValue(json, new TypeReference<List<String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
