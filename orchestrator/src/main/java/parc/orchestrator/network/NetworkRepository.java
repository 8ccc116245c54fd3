package parc.orchestrator.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

@Repository
class NetworkRepository {

	private static final String SUMMARY = """
			select n.*, (select count(distinct nm.machine_id) from network_machine nm where nm.network_id = n.id)
			       as machines
			  from network n
			""";

	private final JdbcClient jdbc;

	NetworkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, NetworkRange range, String description, String site, NetworkSource source, boolean ignored,
			String by, Instant now) {
		return this.jdbc.sql("""
				insert into network (name, cidr, ip_version, prefix, description, site, source, ignored, created_by,
				                     created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
				""")
			.params(name, range.cidr(), range.version(), range.prefix(), description, site, source.name(), ignored, by,
					Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * The learned network's id, created when new; an existing one is left as admins made
	 * it.
	 */
	long learn(NetworkRange range, Instant now) {
		this.jdbc.sql("""
				insert into network (name, cidr, ip_version, prefix, source, created_at, updated_at)
				values (?, ?, ?, ?, 'LEARNED', ?, ?) on conflict (cidr) do nothing
				""")
			.params(range.cidr(), range.cidr(), range.version(), range.prefix(), Timestamp.from(now),
					Timestamp.from(now))
			.update();
		return this.jdbc.sql("select id from network where cidr = ?").param(range.cidr()).query(Long.class).single();
	}

	boolean update(long id, String name, NetworkRange range, String description, String site, boolean ignored,
			Instant now) {
		return this.jdbc.sql("""
				update network set name = ?, cidr = ?, ip_version = ?, prefix = ?, description = ?, site = ?,
				       ignored = ?, updated_at = ?
				 where id = ?
				""")
			.params(name, range.cidr(), range.version(), range.prefix(), description, site, ignored,
					Timestamp.from(now), id)
			.update() == 1;
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from network where id = ?").param(id).update() == 1;
	}

	Optional<Network> find(long id) {
		return this.jdbc.sql("select * from network where id = ?").param(id).query(NetworkRepository::map).optional();
	}

	Optional<NetworkSummary> summary(long id) {
		return this.jdbc.sql(SUMMARY + " where n.id = ?").param(id).query(NetworkRepository::mapSummary).optional();
	}

	Page<NetworkSummary> page(String text, boolean withIgnored, PageRequest page) {
		String where = " where (? or not n.ignored) and (? = '' or n.name ilike ? or n.cidr like ? or n.site ilike ?)";
		String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		long total = this.jdbc.sql("select count(*) from network n" + where)
			.params(withIgnored, text, like, like, like)
			.query(Long.class)
			.single();
		List<NetworkSummary> content = this.jdbc
			.sql(SUMMARY + where + " order by n.ignored, n.ip_version, n.cidr limit ? offset ?")
			.params(withIgnored, text, like, like, like, page.size(), page.offset())
			.query(NetworkRepository::mapSummary)
			.list();
		return new Page<>(content, page.page(), page.size(), total);
	}

	Page<PlacedMachine> machinesOn(long networkId, PageRequest page) {
		long total = this.jdbc.sql("select count(distinct machine_id) from network_machine where network_id = ?")
			.param(networkId)
			.query(Long.class)
			.single();
		List<PlacedMachine> content = this.jdbc.sql("""
				select m.id, m.name, string_agg(nm.address, ', ' order by nm.address) as addresses
				  from network_machine nm join machine m on m.id = nm.machine_id
				 where nm.network_id = ? group by m.id, m.name order by lower(m.name), m.id limit ? offset ?
				""")
			.params(networkId, page.size(), page.offset())
			.query((rs, row) -> new PlacedMachine(rs.getLong("id"), rs.getString("name"), rs.getString("addresses")))
			.list();
		return new Page<>(content, page.page(), page.size(), total);
	}

	/** The most specific network holding the address. */
	Optional<Network> containing(String address) {
		return this.jdbc.sql("select * from network where ?::inet <<= cidr::cidr order by prefix desc, id limit 1")
			.param(address)
			.query(NetworkRepository::map)
			.optional();
	}

	/** Puts the machine on exactly these networks, at these addresses. */
	void placeMachine(long machineId, List<Placement> placements, Instant now) {
		this.jdbc.sql("delete from network_machine where machine_id = ?").param(machineId).update();
		for (Placement placement : placements) {
			this.jdbc.sql("""
					insert into network_machine (network_id, machine_id, address, learned_at) values (?, ?, ?, ?)
					on conflict do nothing
					""").params(placement.networkId(), machineId, placement.address(), Timestamp.from(now)).update();
		}
	}

	/** Machines with network cards in their inventory that are on no network yet. */
	List<Long> machinesNotPlaced() {
		return this.jdbc.sql("""
				select distinct i.machine_id from inventory_network i
				 where i.ip_address is not null
				   and not exists (select 1 from network_machine nm where nm.machine_id = i.machine_id)
				 order by 1
				""").query(Long.class).list();
	}

	List<String[]> cardsOf(long machineId) {
		return this.jdbc.sql("select ip_address, ip_mask from inventory_network where machine_id = ?")
			.param(machineId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	private static Network map(ResultSet rs, int row) throws SQLException {
		return new Network(rs.getLong("id"), rs.getString("name"), rs.getString("cidr"), rs.getInt("ip_version"),
				rs.getInt("prefix"), rs.getString("description"), rs.getString("site"),
				NetworkSource.valueOf(rs.getString("source")), rs.getBoolean("ignored"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static NetworkSummary mapSummary(ResultSet rs, int row) throws SQLException {
		return new NetworkSummary(map(rs, row), rs.getLong("machines"));
	}

	/**
	 * @param networkId the network
	 * @param address the machine's address on it
	 */
	record Placement(long networkId, String address) {

	}

}
