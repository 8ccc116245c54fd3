package parc.orchestrator.inventory;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machine.MachineService;

/**
 * The duplicates page: machines that share a name, serial number, MAC address or UUID,
 * and merging them into the oldest one. A merge keeps the oldest machine's registry and
 * administrative data, gathers every DEVICEID, inventory, history entry and deployment
 * report under it, makes the newest inventory its current one, and removes the others.
 */
@Service
public class DuplicateService {

	private final JdbcClient jdbc;

	private final InventoryRepository inventories;

	private final InventoryService inventoryService;

	private final MachineService machines;

	DuplicateService(JdbcClient jdbc, InventoryRepository inventories, InventoryService inventoryService,
			MachineService machines) {
		this.jdbc = jdbc;
		this.inventories = inventories;
		this.inventoryService = inventoryService;
		this.machines = machines;
	}

	/** Groups of at least two machines sharing a value of the criterion, at most 500. */
	public List<DuplicateGroup> candidates(DuplicateCriterion criterion) {
		String value = switch (criterion) {
			case HOSTNAME -> "lower(m.name)";
			case SERIAL -> "lower(nullif(trim(i.serial_number), ''))";
			case UUID -> "lower(nullif(trim(i.uuid), ''))";
			case MAC_ADDRESS -> "mac.value";
		};
		String from = (criterion == DuplicateCriterion.MAC_ADDRESS)
				? "machine m cross join lateral unnest(m.mac_addresses) as mac(value)"
				: "machine m left join machine_inventory i on i.machine_id = m.id";
		List<Object[]> rows = this.jdbc.sql("select " + value + " as shared, m.id, m.name, m.created_at, "
				+ "(select last_contact_at from machine_inventory x where x.machine_id = m.id) as last_inventory, "
				+ "array(select device_id from agent_device d where d.machine_id = m.id order by device_id) as devices "
				+ "from " + from + " where " + value + " in (select " + value + " from " + from + " where " + value
				+ " is not null group by " + value + " having count(distinct m.id) > 1) "
				+ "order by shared, m.created_at, m.id limit 2000")
			.query((rs, row) -> new Object[] { rs.getString("shared"), new DuplicateGroup.Member(rs.getLong("id"),
					rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("last_inventory")).map(Timestamp::toInstant).orElse(null),
					Arrays.asList((String[]) rs.getArray("devices").getArray())) })
			.list();
		Map<String, List<DuplicateGroup.Member>> groups = new LinkedHashMap<>();
		for (Object[] row : rows) {
			groups.computeIfAbsent((String) row[0], (key) -> new ArrayList<>()).add((DuplicateGroup.Member) row[1]);
		}
		return groups.entrySet()
			.stream()
			.limit(500)
			.map((group) -> new DuplicateGroup(criterion, group.getKey(), List.copyOf(group.getValue())))
			.toList();
	}

	/**
	 * Merges the machines into the oldest of them.
	 * @return the machine kept
	 * @throws IllegalArgumentException when fewer than two distinct machines are given
	 * @throws MachineNotFoundException when one does not exist
	 */
	@Transactional
	public long merge(List<Long> machineIds) {
		List<Long> ids = machineIds.stream().distinct().toList();
		if (ids.size() < 2) {
			throw new IllegalArgumentException("Choose at least two machines to merge");
		}
		ids.forEach((id) -> this.inventories.lock("machine:" + id));
		long kept = ids.stream()
			.map(this.machines::get)
			.min(java.util.Comparator.comparing(parc.orchestrator.machine.Machine::createdAt)
				.thenComparing(parc.orchestrator.machine.Machine::id))
			.orElseThrow()
			.id();
		Long[] merged = ids.stream().filter((id) -> id != kept).toArray(Long[]::new);
		for (String table : List.of("agent_device", "inventory_snapshot", "inventory_section", "inventory_change",
				"agent_download_report", "inventory_import")) {
			this.jdbc.sql("update " + table + " set machine_id = ? where machine_id = any (?)")
				.params(kept, merged)
				.update();
		}
		// The older machine's administrative data wins; it takes the others' only if it
		// had none.
		this.jdbc.sql("""
				insert into machine_admin_data (machine_id, tag, fields)
				select ?, tag, fields from machine_admin_data where machine_id = any (?)
				order by updated_at desc limit 1
				on conflict (machine_id) do nothing
				""").params(kept, merged).update();
		this.jdbc.sql("delete from machine where id = any (?)").param(merged).update();
		this.inventoryService.makeLatestCurrent(kept);
		return kept;
	}

}
