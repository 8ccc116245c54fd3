package parc.orchestrator.inventory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * SQL of the inventory store. The searchable tables of a machine are replaced as a whole
 * by each new inventory, in batches, inside the caller's transaction.
 */
@Repository
class InventoryRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataSource dataSource;

	InventoryRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
	}

	/**
	 * Serialises, until the transaction ends, everyone who takes the same key: two agents
	 * racing on one DEVICEID, or two new DEVICEIDs of one host name.
	 */
	void lock(String key) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(key).query((rs) -> {
		});
	}

	Optional<Long> machineOfDevice(String deviceId) {
		return this.jdbc.sql("select machine_id from agent_device where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.optional();
	}

	/**
	 * A new DEVICEID for a machine takes the agent overrides its machine's other agents
	 * had, set on the machine's page.
	 */
	void insertDevice(String deviceId, long machineId, String agentVersion, Instant at) {
		this.jdbc.sql("""
				insert into agent_device (device_id, machine_id, agent_version, first_seen_at, last_contact_at,
				                          frequency_days, prolog_freq_hours)
				select ?, ?, ?, ?, ?, o.frequency_days, o.prolog_freq_hours
				from (select 1) one
				left join lateral (select frequency_days, prolog_freq_hours from agent_device
				                   where machine_id = ? order by last_contact_at desc limit 1) o on true
				""")
			.params(deviceId, machineId, agentVersion, Timestamp.from(at), Timestamp.from(at), machineId)
			.update();
	}

	void touchDevice(String deviceId, String agentVersion, Instant at) {
		this.jdbc.sql("""
				update agent_device set last_contact_at = ?, agent_version = coalesce(?, agent_version)
				where device_id = ?
				""").params(Timestamp.from(at), agentVersion, deviceId).update();
	}

	/**
	 * Machines sharing at least one identifying fact with an inventory; the caller
	 * decides, by the configured criteria, which of them is the same machine.
	 */
	List<MatchCandidate> candidates(String hostName, String serial, String uuid, List<String> macs) {
		return this.jdbc
			.sql("""
					select m.id, m.name, i.serial_number, i.uuid,
					       array(select distinct x from (select unnest(m.mac_addresses) as x
					                                     union select n.mac_address from inventory_network n
					                                     where n.machine_id = m.id and n.mac_address is not null) macs) as macs
					from machine m left join machine_inventory i on i.machine_id = m.id
					where m.id in (
					    -- One indexed lookup per fact, rather than one OR that scans every machine.
					    select id from machine where lower(name) = lower(cast(:host as text))
					    union select machine_id from machine_inventory where lower(serial_number) = lower(cast(:serial as text))
					    union select machine_id from machine_inventory where lower(uuid) = lower(cast(:uuid as text))
					    union select id from machine where mac_addresses && cast(:macs as text[])
					    union select machine_id from inventory_network where mac_address = any (cast(:macs as text[])))
					order by m.id
					limit 50
					""")
			.param("host", hostName)
			.param("serial", serial)
			.param("uuid", uuid)
			.param("macs", macs.toArray(String[]::new))
			.query((rs, row) -> new MatchCandidate(rs.getLong("id"), rs.getString("name"),
					rs.getString("serial_number"), rs.getString("uuid"),
					Arrays.asList((String[]) rs.getArray("macs").getArray())))
			.list();
	}

	Optional<String> currentHash(long machineId) {
		return this.jdbc.sql("select document_hash from machine_inventory where machine_id = ?")
			.param(machineId)
			.query(String.class)
			.optional();
	}

	int deleteChangesBefore(Instant before) {
		return this.jdbc.sql("delete from inventory_change where changed_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

	void touchInventory(long machineId, Instant at) {
		this.jdbc.sql("update machine_inventory set last_contact_at = ? where machine_id = ?")
			.params(Timestamp.from(at), machineId)
			.update();
	}

	Optional<StoredSnapshot> latest(long machineId) {
		return snapshot("s.machine_id = ? order by s.id desc limit 1", machineId);
	}

	Optional<StoredSnapshot> snapshot(long snapshotId) {
		return snapshot("s.id = ?", snapshotId);
	}

	private Optional<StoredSnapshot> snapshot(String where, long param) {
		return this.jdbc.sql("""
				select s.id, s.source, s.device_id, s.agent_version, s.taken_at, s.document_hash,
				       s.document::text as document, s.sections::text as sections,
					       coalesce(i.last_contact_at, s.taken_at) as last_contact_at
				from inventory_snapshot s left join machine_inventory i on i.machine_id = s.machine_id
				where\s""" + where)
			.param(param)
			.query((rs, row) -> new StoredSnapshot(rs.getLong("id"), InventorySource.valueOf(rs.getString("source")),
					rs.getString("device_id"), rs.getString("agent_version"), rs.getTimestamp("taken_at").toInstant(),
					rs.getTimestamp("last_contact_at").toInstant(), rs.getString("document_hash"),
					rs.getString("document"), rs.getString("sections")))
			.optional();
	}

	/**
	 * The latest kept inventory's origin and sections with their fingerprints; sections
	 * null when it is kept whole.
	 */
	Optional<SectionPlan.SnapshotHead> head(long machineId) {
		List<SectionPlan.SnapshotHead> heads = new ArrayList<>();
		this.jdbc.sql("""
				select s.id, s.source, s.device_id, s.sections is null as whole, e.key as name, c.id as section_id,
				       c.fingerprint
				from (select id, source, device_id, sections from inventory_snapshot
				      where machine_id = ? order by id desc limit 1) s
				left join lateral jsonb_each_text(s.sections) e on true
				left join inventory_section c on c.id = cast(e.value as bigint)
				""").param(machineId).query((rs) -> {
			if (heads.isEmpty()) {
				heads
					.add(new SectionPlan.SnapshotHead(rs.getLong("id"), InventorySource.valueOf(rs.getString("source")),
							rs.getString("device_id"), rs.getBoolean("whole") ? null : new LinkedHashMap<>()));
			}
			String name = rs.getString("name");
			if (name != null && rs.getString("fingerprint") != null) {
				heads.get(0)
					.sections()
					.put(name, new SectionPlan.SnapshotHead.StoredSection(rs.getLong("section_id"),
							rs.getString("fingerprint")));
			}
		});
		return heads.stream().findFirst();
	}

	/** Writes sections of a machine's inventory; their ids, in the same order. */
	List<Long> insertSections(long machineId, List<NewSection> sections) {
		if (sections.isEmpty()) {
			return List.of();
		}
		List<Long> ids = this.jdbc.sql("select nextval('inventory_section_id') from generate_series(1, ?)")
			.param(sections.size())
			.query(Long.class)
			.list();
		this.template.batchUpdate(
				"insert into inventory_section (id, machine_id, name, fingerprint, content) values (?, ?, ?, ?, ?)",
				new org.springframework.jdbc.core.BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						ps.setLong(1, ids.get(i));
						ps.setLong(2, machineId);
						ps.setString(3, sections.get(i).name());
						ps.setString(4, sections.get(i).fingerprint());
						ps.setBytes(5, sections.get(i).content());
					}

					@Override
					public int getBatchSize() {
						return sections.size();
					}

				});
		return ids;
	}

	Map<Long, byte[]> sectionContents(Collection<Long> ids) {
		Map<Long, byte[]> contents = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, content from inventory_section where id = any (?)")
				.param(ids.toArray(Long[]::new))
				.query((rs) -> {
					contents.put(rs.getLong("id"), rs.getBytes("content"));
				});
		}
		return contents;
	}

	long insertSnapshot(long machineId, InventoryReport report, Instant at, String hash, String sectionsJson) {
		return this.jdbc.sql("""
				insert into inventory_snapshot (machine_id, source, device_id, agent_version, taken_at,
					                                document_hash, sections)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
				""")
			.params(machineId, report.source().name(), report.deviceId(), report.agentVersion(), Timestamp.from(at),
					hash, sectionsJson)
			.query(Long.class)
			.single();
	}

	/**
	 * Keeps the newest {@code kept} inventories of the machine, and the sections they are
	 * made of.
	 */
	int pruneSnapshots(long machineId, int kept) {
		int pruned = this.jdbc.sql("""
				delete from inventory_snapshot where machine_id = ? and id not in
				  (select id from inventory_snapshot where machine_id = ? order by id desc limit ?)
				""").params(machineId, machineId, kept).update();
		if (pruned > 0) {
			this.jdbc.sql("""
					delete from inventory_section where machine_id = ? and id not in
					  (select cast(e.value as bigint) from inventory_snapshot s, jsonb_each_text(s.sections) e
					   where s.machine_id = ?)
					""").params(machineId, machineId).update();
		}
		return pruned;
	}

	void upsertSummary(long machineId, long snapshotId, InventoryReport report, Instant at, String hash,
			InventorySummary summary) {
		Map<String, Object> values = new HashMap<>();
		values.put("machineId", machineId);
		values.put("snapshotId", snapshotId);
		values.put("source", report.source().name());
		values.put("deviceId", report.deviceId());
		values.put("agentVersion", report.agentVersion());
		values.put("at", Timestamp.from(at));
		values.put("hash", hash);
		values.put("hostName", summary.hostName());
		values.put("workgroup", summary.workgroup());
		values.put("osName", summary.osName());
		values.put("osVersion", summary.osVersion());
		values.put("osComments", summary.osComments());
		values.put("architecture", summary.architecture());
		values.put("cpuType", summary.cpuType());
		values.put("cpuCount", summary.cpuCount());
		values.put("cpuSpeed", summary.cpuSpeedMhz());
		values.put("memory", summary.memoryMb());
		values.put("swap", summary.swapMb());
		values.put("ip", summary.ipAddress());
		values.put("gateway", summary.defaultGateway());
		values.put("dns", summary.dns());
		values.put("loggedUser", summary.loggedUser());
		values.put("manufacturer", summary.systemManufacturer());
		values.put("model", summary.systemModel());
		values.put("serial", summary.serialNumber());
		values.put("uuid", summary.uuid());
		values.put("biosVendor", summary.biosVendor());
		values.put("biosVersion", summary.biosVersion());
		values.put("biosDate", summary.biosDate());
		values.put("softwareCount", summary.softwareCount());
		values.put("diskTotal", summary.diskTotalMb());
		values.put("diskFree", summary.diskFreeMb());
		this.jdbc.sql("""
				insert into machine_inventory (machine_id, snapshot_id, source, device_id, agent_version,
					    inventoried_at, last_contact_at, document_hash, host_name, workgroup, os_name, os_version,
					    os_comments, architecture, cpu_type, cpu_count, cpu_speed_mhz, memory_mb, swap_mb, ip_address,
					    default_gateway, dns, logged_user, system_manufacturer, system_model, serial_number, uuid,
					    bios_vendor, bios_version, bios_date, software_count, disk_total_mb, disk_free_mb)
				values (:machineId, :snapshotId, :source, :deviceId, :agentVersion, :at, :at, :hash, :hostName,
					    :workgroup, :osName, :osVersion, :osComments, :architecture, :cpuType, :cpuCount, :cpuSpeed,
					    :memory, :swap, :ip, :gateway, :dns, :loggedUser, :manufacturer, :model, :serial, :uuid,
					    :biosVendor, :biosVersion, :biosDate, :softwareCount, :diskTotal, :diskFree)
				on conflict (machine_id) do update set snapshot_id = excluded.snapshot_id, source = excluded.source,
					    device_id = excluded.device_id, agent_version = excluded.agent_version,
					    inventoried_at = excluded.inventoried_at, last_contact_at = excluded.last_contact_at,
					    document_hash = excluded.document_hash, host_name = excluded.host_name,
					    workgroup = excluded.workgroup, os_name = excluded.os_name, os_version = excluded.os_version,
					    os_comments = excluded.os_comments, architecture = excluded.architecture,
					    cpu_type = excluded.cpu_type, cpu_count = excluded.cpu_count,
					    cpu_speed_mhz = excluded.cpu_speed_mhz, memory_mb = excluded.memory_mb,
					    swap_mb = excluded.swap_mb, ip_address = excluded.ip_address,
					    default_gateway = excluded.default_gateway, dns = excluded.dns,
					    logged_user = excluded.logged_user, system_manufacturer = excluded.system_manufacturer,
					    system_model = excluded.system_model, serial_number = excluded.serial_number,
					    uuid = excluded.uuid, bios_vendor = excluded.bios_vendor, bios_version = excluded.bios_version,
					    bios_date = excluded.bios_date, software_count = excluded.software_count,
					    disk_total_mb = excluded.disk_total_mb, disk_free_mb = excluded.disk_free_mb
				""").params(values).update();
	}

	/**
	 * @param clearFirst whether the machine may have rows already; false for a machine
	 * registered in this transaction
	 */
	void replaceDetails(long machineId, InventoryDocument document, boolean clearFirst) {
		replaceDetails(machineId, document, clearFirst, (section) -> true);
	}

	/**
	 * Rebuilds the searchable rows of the sections {@code rewrites} names among
	 * {@code software}, {@code networks} and {@code drives}; the others' rows stay as
	 * they are.
	 * @param clearFirst whether the machine may have rows already; false for a machine
	 * registered in this transaction
	 */
	void replaceDetails(long machineId, InventoryDocument document, boolean clearFirst, Predicate<String> rewrites) {
		if (rewrites.test("software")) {
			if (clearFirst) {
				this.template.update("delete from inventory_software where machine_id = ?", machineId);
			}
			copySoftware(machineId, document.software());
		}
		if (rewrites.test("networks")) {
			if (clearFirst) {
				this.template.update("delete from inventory_network where machine_id = ?", machineId);
			}
			insertNetworks(machineId, document);
		}
		if (rewrites.test("drives")) {
			if (clearFirst) {
				this.template.update("delete from inventory_drive where machine_id = ?", machineId);
			}
			insertDrives(machineId, document);
		}
	}

	private void insertNetworks(long machineId, InventoryDocument document) {
		batch("""
				insert into inventory_network (machine_id, description, type, mac_address, ip_address, ip_mask,
					                               ip_subnet, ip_gateway, status, speed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""",
				document.networks(), (ps, row) -> {
					ps.setLong(1, machineId);
					ps.setString(2, InventorySummary.field(row, "description"));
					ps.setString(3, InventorySummary.field(row, "type"));
					ps.setString(4, mac(InventorySummary.field(row, "macaddr")));
					ps.setString(5, InventorySummary.field(row, "ipaddress"));
					ps.setString(6, InventorySummary.field(row, "ipmask"));
					ps.setString(7, InventorySummary.field(row, "ipsubnet"));
					ps.setString(8, InventorySummary.field(row, "ipgateway"));
					ps.setString(9, InventorySummary.field(row, "status"));
					ps.setString(10, InventorySummary.field(row, "speed"));
				});
	}

	private void insertDrives(long machineId, InventoryDocument document) {
		batch("""
				insert into inventory_drive (machine_id, mount_point, volume, filesystem, label, total_mb, free_mb)
				values (?, ?, ?, ?, ?, ?, ?)
				""", document.drives(), (ps, row) -> {
			ps.setLong(1, machineId);
			ps.setString(2, InventorySummary.field(row, "type"));
			ps.setString(3, InventorySummary.field(row, "volumn"));
			ps.setString(4, InventorySummary.field(row, "filesystem"));
			ps.setString(5, InventorySummary.field(row, "label"));
			setDecimal(ps, 6, InventorySummary.decimal(row.get("total")));
			setDecimal(ps, 7, InventorySummary.decimal(row.get("free")));
		});
	}

	/**
	 * Software rows go in with COPY rather than INSERT: a desktop has hundreds, and COPY
	 * spares PostgreSQL the parsing and binding of a statement per batch (#4 benchmark).
	 * It runs on the transaction's own connection.
	 */
	private void copySoftware(long machineId, List<Map<String, String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder(rows.size() * 96);
		for (Map<String, String> row : rows) {
			String name = InventorySummary.field(row, "name");
			CopyText.row(text, Long.toString(machineId), (name != null) ? name : "?",
					InventorySummary.field(row, "publisher"), InventorySummary.field(row, "version"),
					InventorySummary.field(row, "architecture"), InventorySummary.field(row, "from"),
					InventorySummary.field(row, "installdate"),
					java.util.Objects.toString(InventorySummary.longValue(row.get("filesize")), null));
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy inventory_software (machine_id, name, publisher, version, architecture, origin, "
						+ "install_date, size_bytes) from stdin", new java.io.StringReader(text.toString()));
		}
		catch (SQLException | java.io.IOException ex) {
			throw new org.springframework.dao.DataAccessResourceFailureException("Could not copy software rows", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	void insertChanges(long machineId, long snapshotId, List<InventoryChange> changes) {
		this.template.batchUpdate("""
				insert into inventory_change (machine_id, snapshot_id, changed_at, category, kind, item,
					                              old_value, new_value) values (?, ?, ?, ?, ?, ?, ?, ?)
				""", changes, 500, (ps, change) -> {
			ps.setLong(1, machineId);
			ps.setLong(2, snapshotId);
			ps.setTimestamp(3, Timestamp.from(change.changedAt()));
			ps.setString(4, change.category().name());
			ps.setString(5, change.kind().name());
			ps.setString(6, abbreviate(change.item()));
			ps.setString(7, abbreviate(change.oldValue()));
			ps.setString(8, abbreviate(change.newValue()));
		});
	}

	Page<InventoryChange> history(long machineId, PageRequest page) {
		long total = this.jdbc.sql("select count(*) from inventory_change where machine_id = ?")
			.param(machineId)
			.query(Long.class)
			.single();
		List<InventoryChange> rows = this.jdbc.sql("""
				select changed_at, category, kind, item, old_value, new_value from inventory_change
				where machine_id = ? order by changed_at desc, id asc limit ? offset ?
				""")
			.params(machineId, page.size(), page.offset())
			.query((rs, row) -> new InventoryChange(rs.getTimestamp("changed_at").toInstant(),
					InventoryChange.Category.valueOf(rs.getString("category")),
					InventoryChange.Kind.valueOf(rs.getString("kind")), rs.getString("item"), rs.getString("old_value"),
					rs.getString("new_value")))
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	int countSnapshots(long machineId) {
		return this.jdbc.sql("select count(*) from inventory_snapshot where machine_id = ?")
			.param(machineId)
			.query(Integer.class)
			.single();
	}

	private static String mac(String text) {
		return (text != null) ? parc.orchestrator.machine.MacAddresses.normalise(text).orElse(text) : null;
	}

	/** History values are for reading, not for storing whole documents. */
	private static String abbreviate(String text) {
		return (text != null && text.length() > 2000) ? text.substring(0, 2000) + "..." : text;
	}

	@FunctionalInterface
	private interface RowSetter {

		void set(PreparedStatement ps, Map<String, String> row) throws SQLException;

	}

	private void batch(String sql, List<Map<String, String>> rows, RowSetter setter) {
		if (!rows.isEmpty()) {
			this.template.batchUpdate(sql, rows, 1000, setter::set);
		}
	}

	private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
		if (value != null) {
			ps.setLong(index, value);
		}
		else {
			ps.setNull(index, Types.BIGINT);
		}
	}

	private static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
		if (value != null) {
			ps.setBigDecimal(index, value);
		}
		else {
			ps.setNull(index, Types.NUMERIC);
		}
	}

	/** A machine that shares a fact with an incoming inventory. */
	record MatchCandidate(long machineId, String name, String serial, String uuid, List<String> macs) {
	}

	/**
	 * The latest stored inventory of a machine: its document as JSON text when it is kept
	 * whole, else its sections' ids by name as JSON.
	 */
	record StoredSnapshot(long id, InventorySource source, String deviceId, String agentVersion, Instant takenAt,
			Instant lastContactAt, String documentHash, String documentJson, String sectionsJson) {
	}

	/** A section to write: deflated JSON and the fingerprint of the JSON. */
	record NewSection(String name, String fingerprint, byte[] content) {
	}

}
