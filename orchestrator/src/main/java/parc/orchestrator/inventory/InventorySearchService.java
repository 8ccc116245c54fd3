package parc.orchestrator.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * The inventory area's lists: all computers, multi-criteria search, CSV export, TAG
 * distribution. Reads the searchable tables only, never the JSON documents.
 */
@Service
public class InventorySearchService {

	/** The most rows one export holds. */
	public static final int MAX_EXPORT_ROWS = 100_000;

	private static final String FROM = """
			from machine m
			left join machine_inventory i on i.machine_id = m.id
			left join machine_admin_data a on a.machine_id = m.id
			""";

	private static final String COLUMNS = """
			select m.id, m.name, m.channel, i.os_name, i.os_version, i.ip_address, i.cpu_type, i.cpu_speed_mhz,
			       i.memory_mb, i.disk_free_mb, i.serial_number, i.bios_vendor, i.bios_version, a.tag, i.logged_user,
			       i.agent_version, i.software_count, i.last_contact_at
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final AdminDataService adminData;

	InventorySearchService(NamedParameterJdbcTemplate jdbc, AdminDataService adminData) {
		this.jdbc = jdbc;
		this.adminData = adminData;
	}

	/**
	 * @throws InvalidSearchException when a criterion cannot run
	 */
	public Page<InventoryRow> search(InventorySearch search) {
		return page(condition(search), search.sort(), search.ascending(), search.page());
	}

	/**
	 * Streams every matching row, at most {@link #MAX_EXPORT_ROWS}, to the consumer in
	 * the search's order.
	 * @return how many rows were given
	 */
	public int export(InventorySearch search, Consumer<InventoryRow> consumer) {
		return export(condition(search), search.sort(), search.ascending(), consumer);
	}

	/** A page of the machines that meet a condition another part of Parc wrote. */
	public Page<InventoryRow> page(MachineCondition condition, InventoryRow.Column sort, boolean ascending,
			PageRequest page) {
		long total = count(condition);
		Map<String, Object> parameters = new java.util.HashMap<>(condition.parameters());
		parameters.put("limit", page.size());
		parameters.put("offset", page.offset());
		List<InventoryRow> rows = this.jdbc.query(
				COLUMNS + FROM + " where " + condition.sql() + order(sort, ascending) + " limit :limit offset :offset",
				parameters, InventorySearchService::row);
		return new Page<>(rows, page.page(), page.size(), total);
	}

	public long count(MachineCondition condition) {
		return this.jdbc.queryForObject("select count(*) " + FROM + " where " + condition.sql(), condition.parameters(),
				Long.class);
	}

	/**
	 * The ids of the machines that meet a condition, in id order, at most {@code limit}.
	 */
	public List<Long> ids(MachineCondition condition, int limit) {
		Map<String, Object> parameters = new java.util.HashMap<>(condition.parameters());
		parameters.put("limit", limit);
		return this.jdbc.queryForList(
				"select m.id " + FROM + " where " + condition.sql() + " order by m.id limit :limit", parameters,
				Long.class);
	}

	/**
	 * Streams every row meeting the condition, at most {@link #MAX_EXPORT_ROWS}.
	 * @return how many rows were given
	 */
	public int export(MachineCondition condition, InventoryRow.Column sort, boolean ascending,
			Consumer<InventoryRow> consumer) {
		Map<String, Object> parameters = new java.util.HashMap<>(condition.parameters());
		parameters.put("limit", MAX_EXPORT_ROWS);
		int[] count = { 0 };
		this.jdbc.query(COLUMNS + FROM + " where " + condition.sql() + order(sort, ascending) + " limit :limit",
				parameters, (ResultSet rs) -> {
					consumer.accept(row(rs, count[0]++));
				});
		return count[0];
	}

	/**
	 * How many machines carry each TAG, most frequent first; machines without TAG under
	 * null.
	 */
	public List<TagCount> tagDistribution() {
		return this.jdbc.query("""
				select nullif(a.tag, '') as tag, count(*) as machines from machine m
				left join machine_admin_data a on a.machine_id = m.id
				group by nullif(a.tag, '') order by count(*) desc, nullif(a.tag, '') nulls last
				""", Map.of(), (rs, row) -> new TagCount(rs.getString("tag"), rs.getLong("machines")));
	}

	private MachineCondition condition(InventorySearch search) {
		Map<String, AdminField> fields = this.adminData.fields()
			.stream()
			.collect(Collectors.toMap(AdminField::key, (field) -> field));
		SearchSql sql = SearchSql.of(search.criteria(), fields);
		return new MachineCondition(sql.where(), sql.parameters());
	}

	private static String order(InventoryRow.Column sort, boolean ascending) {
		return " order by " + sort.sql() + (ascending ? " asc nulls last" : " desc nulls last") + ", m.id asc";
	}

	private static InventoryRow row(ResultSet rs, int row) throws SQLException {
		return new InventoryRow(rs.getLong("id"), rs.getString("name"), rs.getString("channel"),
				rs.getString("os_name"), rs.getString("os_version"), rs.getString("ip_address"),
				rs.getString("cpu_type"), rs.getObject("cpu_speed_mhz", Integer.class),
				rs.getObject("memory_mb", Long.class), rs.getBigDecimal("disk_free_mb"), rs.getString("serial_number"),
				rs.getString("bios_vendor"), rs.getString("bios_version"), rs.getString("tag"),
				rs.getString("logged_user"), rs.getString("agent_version"),
				rs.getObject("software_count", Integer.class),
				Optional.ofNullable(rs.getTimestamp("last_contact_at"))
					.map(java.sql.Timestamp::toInstant)
					.orElse(null));
	}

	/**
	 * @param tag the TAG, or null for machines without one
	 * @param machines how many machines carry it
	 */
	public record TagCount(String tag, long machines) {
	}

}
