package parc.orchestrator.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/** The machines a value of a group import matches, and the imports' reports. */
@Repository
class GroupImportRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	GroupImportRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * @param value already checked and in canonical form for its kind
	 * @param limit how many ids are enough (2 tells an ambiguous name from a match)
	 */
	List<Long> machinesMatching(GroupImportKind kind, String value, int limit) {
		String sql = switch (kind) {
			case NAME -> "select id from machine where lower(name) = lower(:v)";
			case IP -> "select id from machine where address = :v "
					+ "union select machine_id from inventory_network where ip_address = :v";
			case MAC -> "select id from machine where :v = any(mac_addresses) "
					+ "union select machine_id from inventory_network where mac_address = :v";
			case OS -> "select machine_id from machine_inventory where lower(os_name) = lower(:v)";
			case SOFTWARE -> "select distinct machine_id from inventory_software where lower(name) = lower(:v)";
		};
		return this.jdbc.sql("select id from (" + sql + ") found(id) order by id limit :limit")
			.param("v", value)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	long insert(Long groupId, String groupName, GroupImportKind kind, String fileName, int machines,
			String requestedBy) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into machine_group_import (group_id, group_name, kind, file_name, machines, requested_by)
				values (:group, :name, :kind, :file, :machines, :by)
				""")
			.param("group", groupId)
			.param("name", groupName)
			.param("kind", kind.name())
			.param("file", fileName)
			.param("machines", machines)
			.param("by", requestedBy)
			.update(key, "id");
		return key.getKey().longValue();
	}

	void insertLines(long importId, List<GroupImportLine> lines) {
		this.batch
			.batchUpdate("insert into machine_group_import_row (import_id, line, value, outcome, machines, reason)"
					+ " values (?, ?, ?, ?, ?, ?)", lines, 1000, (ps, line) -> {
						ps.setLong(1, importId);
						ps.setInt(2, line.line());
						ps.setString(3, line.value());
						ps.setString(4, line.outcome().name());
						ps.setInt(5, line.machines());
						ps.setString(6, line.reason());
					});
	}

	Optional<GroupImport> find(long id) {
		return this.jdbc.sql("select * from machine_group_import where id = ?").param(id).query(this::map).optional();
	}

	Page<GroupImportLine> lines(long id, boolean problemsOnly, PageRequest page) {
		String filter = problemsOnly ? " and outcome <> 'MATCHED'" : "";
		long total = this.jdbc.sql("select count(*) from machine_group_import_row where import_id = ?" + filter)
			.param(id)
			.query(Long.class)
			.single();
		List<GroupImportLine> rows = this.jdbc
			.sql("select * from machine_group_import_row where import_id = ?" + filter
					+ " order by line limit ? offset ?")
			.params(id, page.size(), page.offset())
			.query(GroupImportRepository::mapLine)
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	void eachLine(long id, Consumer<GroupImportLine> consumer) {
		this.batch.query("select * from machine_group_import_row where import_id = ? order by line", (ResultSet rs) -> {
			consumer.accept(mapLine(rs, 0));
		}, id);
	}

	private static GroupImportLine mapLine(ResultSet rs, int row) throws SQLException {
		return new GroupImportLine(rs.getInt("line"), rs.getString("value"),
				GroupImportOutcome.valueOf(rs.getString("outcome")), rs.getInt("machines"), rs.getString("reason"));
	}

	private GroupImport map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Map<GroupImportOutcome, Integer> counts = new EnumMap<>(GroupImportOutcome.class);
		for (GroupImportOutcome outcome : GroupImportOutcome.values()) {
			counts.put(outcome, 0);
		}
		this.jdbc
			.sql("select outcome, count(*) as n from machine_group_import_row where import_id = ? group by outcome")
			.param(id)
			.query((line) -> {
				counts.put(GroupImportOutcome.valueOf(line.getString("outcome")), line.getInt("n"));
			});
		return new GroupImport(id, rs.getObject("group_id", Long.class), rs.getString("group_name"),
				GroupImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getInt("machines"), counts,
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant());
	}

}
