package parc.orchestrator.machine;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.sql.LikePattern;

@Repository
class MachineRepository {

	private static final String COLUMNS = """
			id, name, address, mac_addresses, os_family, channel, ssh_port, ssh_user, credential_id, tags, notes,
			created_at, updated_at, version""";

	/**
	 * {@code name ilike} with LIKE's own wildcards escaped, so "50%" finds a name
	 * containing "50%".
	 */
	private static final String NAME_FILTER = """
			(cast(:name as text) is null or name ilike '%' || cast(:name as text) || '%' escape '\\')""";

	private final JdbcClient jdbc;

	MachineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Machine> findByChannel(Channel channel, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from machine where channel = ? order by lower(name), id limit ?")
			.params(channel.name(), limit)
			.query(this::map)
			.list();
	}

	Optional<Machine> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from machine where id = ?").param(id).query(this::map).optional();
	}

	Page<Machine> findPage(MachineQuery query) {
		String name = likeEscaped(query.name());
		long total = this.jdbc.sql("select count(*) from machine where " + NAME_FILTER)
			.param("name", name)
			.query(Long.class)
			.single();
		String order = query.sort().column() + (query.ascending() ? " asc" : " desc") + ", id asc";
		List<Machine> rows = this.jdbc
			.sql("select " + COLUMNS + " from machine where " + NAME_FILTER + " order by " + order
					+ " limit :limit offset :offset")
			.param("name", name)
			.param("limit", query.page().size())
			.param("offset", query.page().offset())
			.query(this::map)
			.list();
		return new Page<>(rows, query.page().page(), query.page().size(), total);
	}

	Optional<Machine> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from machine where lower(name) = lower(?)")
			.param(name)
			.query(this::map)
			.optional();
	}

	/** Only what an agent reports; the administrator's fields stay as they are. */
	boolean updateReportedFacts(long id, String address, List<String> macAddresses, OsFamily osFamily) {
		return this.jdbc.sql("""
				update machine set address = cast(:address as text), mac_addresses = cast(:macAddresses as text[]),
				       os_family = cast(:osFamily as text), updated_at = now(), version = version + 1
				where id = :id and (address <> cast(:address as text) or mac_addresses <> cast(:macAddresses as text[])
				                    or os_family <> cast(:osFamily as text))
				""")
			.param("address", address)
			.param("macAddresses", macAddresses.toArray(String[]::new))
			.param("osFamily", osFamily.name())
			.param("id", id)
			.update() == 1;
	}

	boolean existsByNameOtherThan(String name, Long id) {
		return this.jdbc.sql("select exists (select 1 from machine where lower(name) = lower(?) and id <> ?)")
			.params(name, (id != null) ? id : -1L)
			.query(Boolean.class)
			.single();
	}

	long insert(MachineDraft machine) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into machine (name, address, mac_addresses, os_family, channel, ssh_port, ssh_user,
				                     credential_id, tags, notes)
				values (:name, :address, :macAddresses, :osFamily, :channel, :sshPort, :sshUser,
				        :credentialId, :tags, :notes)
				""").params(parameters(machine)).update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean update(long id, MachineDraft machine) {
		return this.jdbc.sql("""
				update machine set name = :name, address = :address, mac_addresses = :macAddresses,
				       os_family = :osFamily, channel = :channel, ssh_port = :sshPort, ssh_user = :sshUser,
				       credential_id = :credentialId, tags = :tags, notes = :notes, updated_at = now(),
				       version = version + 1
				where id = :id and (cast(:version as integer) is null or version = cast(:version as integer))
				""").params(parameters(machine)).param("id", id).update() == 1;
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from machine where id = ?").param(id).update() == 1;
	}

	/**
	 * Arrays go to PostgreSQL as text[]; a HashMap because several values may be null.
	 */
	private static Map<String, Object> parameters(MachineDraft machine) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("name", machine.name());
		parameters.put("address", machine.address());
		parameters.put("macAddresses", machine.macAddresses().toArray(String[]::new));
		parameters.put("osFamily", machine.osFamily().name());
		parameters.put("channel", machine.channel().name());
		parameters.put("sshPort", machine.sshPort());
		parameters.put("sshUser", machine.sshUser());
		parameters.put("credentialId", machine.credentialId());
		parameters.put("tags", machine.tags().toArray(String[]::new));
		parameters.put("notes", machine.notes());
		parameters.put("version", machine.version());
		return parameters;
	}

	private static String likeEscaped(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return LikePattern.literal(text.trim());
	}

	private Machine map(ResultSet rs, int row) throws SQLException {
		return new Machine(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
				strings(rs.getArray("mac_addresses")), OsFamily.valueOf(rs.getString("os_family")),
				Channel.valueOf(rs.getString("channel")), rs.getObject("ssh_port", Integer.class),
				rs.getString("ssh_user"), rs.getObject("credential_id", Long.class), strings(rs.getArray("tags")),
				rs.getString("notes"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
