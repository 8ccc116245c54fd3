package parc.orchestrator.filepull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class FilePullRepository {

	private static final String COLUMNS = """
			id, machine_id, machine_name, folder, state, file_name, size_bytes, remote_modified_at, requested_by,
			requested_at, finished_at, error""";

	private final JdbcClient jdbc;

	FilePullRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> folderOf(long machineId) {
		return this.jdbc.sql("select folder from file_pull_folder where machine_id = ?")
			.param(machineId)
			.query(String.class)
			.optional();
	}

	void saveFolder(long machineId, String folder) {
		if (folder == null) {
			this.jdbc.sql("delete from file_pull_folder where machine_id = ?").param(machineId).update();
			return;
		}
		this.jdbc.sql("""
				insert into file_pull_folder (machine_id, folder) values (?, ?)
				on conflict (machine_id) do update set folder = excluded.folder
				""").params(machineId, folder).update();
	}

	long insert(long machineId, String machineName, String folder, String requestedBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into file_pull (machine_id, machine_name, folder, state, requested_by, requested_at)
				values (:machine, :name, :folder, 'IN_PROGRESS', :by, :now)
				""")
			.param("machine", machineId)
			.param("name", machineName)
			.param("folder", folder)
			.param("by", requestedBy)
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Only a pull still in progress changes: a cancelled one stays cancelled. */
	boolean finish(long id, FilePull.State state, String fileName, Long size, Instant remoteModified, String error,
			Instant now) {
		return this.jdbc.sql("""
				update file_pull set state = ?, file_name = ?, size_bytes = ?, remote_modified_at = ?, error = ?,
				       finished_at = ?
				 where id = ? and state = 'IN_PROGRESS'
				""")
			.params(state.name(), fileName, size, (remoteModified != null) ? Timestamp.from(remoteModified) : null,
					error, Timestamp.from(now), id)
			.update() > 0;
	}

	Optional<FilePull> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from file_pull where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	Page<FilePull> page(Long machineId, PageRequest page) {
		String filter = (machineId != null) ? " where machine_id = :machine" : "";
		long total = this.jdbc.sql("select count(*) from file_pull" + filter)
			.params((machineId != null) ? java.util.Map.of("machine", machineId) : java.util.Map.of())
			.query(Long.class)
			.single();
		List<FilePull> rows = this.jdbc
			.sql("select " + COLUMNS + " from file_pull" + filter
					+ " order by requested_at desc, id desc limit :limit offset :offset")
			.params((machineId != null) ? java.util.Map.of("machine", machineId) : java.util.Map.of())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from file_pull where id = ?").param(id).update() > 0;
	}

	List<Long> finishedBefore(Instant before) {
		return this.jdbc.sql("select id from file_pull where state <> 'IN_PROGRESS' and finished_at < ? order by id")
			.param(Timestamp.from(before))
			.query(Long.class)
			.list();
	}

	private FilePull map(ResultSet rs, int row) throws SQLException {
		Timestamp modified = rs.getTimestamp("remote_modified_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new FilePull(rs.getLong("id"), rs.getObject("machine_id", Long.class), rs.getString("machine_name"),
				rs.getString("folder"), FilePull.State.valueOf(rs.getString("state")), rs.getString("file_name"),
				rs.getObject("size_bytes", Long.class), (modified != null) ? modified.toInstant() : null,
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, rs.getString("error"));
	}

}
