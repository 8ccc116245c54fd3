package parc.orchestrator.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.sql.LikePattern;

@Repository
class GroupRepository {

	private static final String COLUMNS = """
			g.id, g.name, g.type, g.mode, g.expression, g.visible, g.owner, g.created_at, g.updated_at, g.version""";

	/** What a viewer sees: its own groups, and those shared with it or its role. */
	private static final String SEEN_BY = """
			(g.owner = :username or exists (select 1 from machine_group_share sh where sh.group_id = g.id and
			  ((sh.grantee_type = 'USER' and sh.grantee = :username) or (sh.grantee_type = 'ROLE' and sh.grantee in (:roles)))))""";

	private static final String NAME_FILTER = """
			(cast(:name as text) is null or g.name ilike '%' || cast(:name as text) || '%' escape '\\')""";

	private final JdbcClient jdbc;

	GroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MachineGroup> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from machine_group g where g.id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	Page<MachineGroup> findSeenBy(GroupViewer viewer, String name, PageRequest page) {
		String filter = likeEscaped(name);
		long total = this.jdbc.sql("select count(*) from machine_group g where " + SEEN_BY + " and " + NAME_FILTER)
			.param("username", viewer.username())
			.param("roles", viewer.rolesSharedWith())
			.param("name", filter)
			.query(Long.class)
			.single();
		List<MachineGroup> rows = this.jdbc
			.sql("select " + COLUMNS + " from machine_group g where " + SEEN_BY + " and " + NAME_FILTER
					+ " order by lower(g.name), g.id limit :limit offset :offset")
			.param("username", viewer.username())
			.param("roles", viewer.rolesSharedWith())
			.param("name", filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	List<MachineGroup> findVisibleShortcuts(GroupViewer viewer, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from machine_group g where g.visible and " + SEEN_BY
					+ " order by lower(g.name), g.id limit :limit")
			.param("username", viewer.username())
			.param("roles", viewer.rolesSharedWith())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/** The groups a viewer sees that bear this name, ignoring case: its own first. */
	List<MachineGroup> findSeenByName(GroupViewer viewer, String name) {
		return this.jdbc
			.sql("select " + COLUMNS + " from machine_group g where lower(g.name) = lower(:name) and " + SEEN_BY
					+ " order by (g.owner = :username) desc, g.id")
			.param("name", name)
			.param("username", viewer.username())
			.param("roles", viewer.rolesSharedWith())
			.query(this::map)
			.list();
	}

	boolean ownerHasName(String owner, String name, Long exceptId) {
		return this.jdbc
			.sql("select exists (select 1 from machine_group where owner = ? and lower(name) = lower(?) and id <> ?)")
			.params(owner, name, (exceptId != null) ? exceptId : -1L)
			.query(Boolean.class)
			.single();
	}

	long insert(GroupDraft draft, String expression, String owner) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into machine_group (name, type, mode, expression, visible, owner)
				values (:name, :type, :mode, :expression, :visible, :owner)
				""")
			.param("name", draft.name())
			.param("type", draft.type().name())
			.param("mode", (draft.mode() != null) ? draft.mode().name() : null)
			.param("expression", expression)
			.param("visible", draft.visible())
			.param("owner", owner)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean update(long id, GroupDraft draft, String expression, Integer version) {
		return this.jdbc.sql("""
				update machine_group set name = :name, type = :type, mode = :mode, expression = :expression,
				       visible = :visible, updated_at = now(), version = version + 1
				where id = :id and (cast(:version as integer) is null or version = cast(:version as integer))
				""")
			.param("name", draft.name())
			.param("type", draft.type().name())
			.param("mode", (draft.mode() != null) ? draft.mode().name() : null)
			.param("expression", expression)
			.param("visible", draft.visible())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void setMode(long id, GroupMode mode) {
		this.jdbc.sql("update machine_group set mode = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(mode.name(), id)
			.update();
	}

	void touch(long id) {
		this.jdbc.sql("update machine_group set updated_at = now(), version = version + 1 where id = ?")
			.param(id)
			.update();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from machine_group where id = ?").param(id).update() == 1;
	}

	List<GroupCriterion> criteria(long groupId) {
		return this.jdbc
			.sql("select field, operator, value, second_value from machine_group_criterion where group_id = ? "
					+ "order by number")
			.param(groupId)
			.query((rs, row) -> new GroupCriterion(rs.getString("field"),
					GroupOperator.valueOf(rs.getString("operator")), rs.getString("value"),
					rs.getString("second_value")))
			.list();
	}

	void replaceCriteria(long groupId, List<GroupCriterion> criteria) {
		this.jdbc.sql("delete from machine_group_criterion where group_id = ?").param(groupId).update();
		for (int i = 0; i < criteria.size(); i++) {
			GroupCriterion criterion = criteria.get(i);
			this.jdbc.sql("""
					insert into machine_group_criterion (group_id, number, field, operator, value, second_value)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(groupId, i + 1, criterion.field(), criterion.operator().name(), criterion.value(),
						criterion.secondValue())
				.update();
		}
	}

	/** The names of the groups whose criteria name this one. */
	List<String> namesOfGroupsNaming(long groupId) {
		return this.jdbc.sql("""
				select distinct g.name from machine_group_criterion c join machine_group g on g.id = c.group_id
				where c.field = 'group' and c.value = ? and c.group_id <> ? order by g.name
				""").params(Long.toString(groupId), groupId).query(String.class).list();
	}

	List<GroupShare> shares(long groupId) {
		return this.jdbc
			.sql("select grantee_type, grantee from machine_group_share where group_id = ? "
					+ "order by grantee_type, grantee")
			.param(groupId)
			.query((rs, row) -> new GroupShare(GroupShare.GranteeType.valueOf(rs.getString("grantee_type")),
					rs.getString("grantee")))
			.list();
	}

	void replaceShares(long groupId, Collection<GroupShare> shares) {
		this.jdbc.sql("delete from machine_group_share where group_id = ?").param(groupId).update();
		for (GroupShare share : shares) {
			this.jdbc.sql("insert into machine_group_share (group_id, grantee_type, grantee) values (?, ?, ?)")
				.params(groupId, share.granteeType().name(), share.grantee())
				.update();
		}
	}

	/** Adds the machines that exist and are not members yet. */
	int addMembers(long groupId, Collection<Long> machineIds) {
		if (machineIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				insert into machine_group_member (group_id, machine_id)
				select :groupId, m.id from machine m where m.id = any(:ids)
				on conflict do nothing
				""").param("groupId", groupId).param("ids", machineIds.toArray(Long[]::new)).update();
	}

	/** Stores the machines a condition selects, in the same statement that reads them. */
	int addMembersMatching(long groupId, parc.orchestrator.inventory.MachineCondition condition) {
		return this.jdbc.sql("""
				insert into machine_group_member (group_id, machine_id)
				select :groupId, m.id from machine m
				left join machine_inventory i on i.machine_id = m.id
				left join machine_admin_data a on a.machine_id = m.id
				where """ + " " + condition.sql() + " on conflict do nothing")
			.params(condition.parameters())
			.param("groupId", groupId)
			.update();
	}

	int removeMembers(long groupId, Collection<Long> machineIds) {
		return this.jdbc.sql("delete from machine_group_member where group_id = :groupId and machine_id = any(:ids)")
			.param("groupId", groupId)
			.param("ids", machineIds.toArray(Long[]::new))
			.update();
	}

	void removeAllMembers(long groupId) {
		this.jdbc.sql("delete from machine_group_member where group_id = ?").param(groupId).update();
	}

	long countMembers(long groupId) {
		return this.jdbc.sql("select count(*) from machine_group_member where group_id = ?")
			.param(groupId)
			.query(Long.class)
			.single();
	}

	/** Which of these ids are no machine. */
	List<Long> unknownMachines(Collection<Long> machineIds) {
		if (machineIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select t.id from unnest(cast(:ids as bigint[])) as t(id)
				where not exists (select 1 from machine m where m.id = t.id) order by t.id
				""").param("ids", machineIds.toArray(Long[]::new)).query(Long.class).list();
	}

	/**
	 * Distinct values starting with {@code typed}, ignoring case.
	 * @param value SQL of the value over {@code m}, {@code i}, {@code a}, or {@code x.v}
	 * with {@code rows} as the sub-query giving {@code x}
	 */
	List<String> distinctValues(String value, String rows, String typed, int limit) {
		String from = "from machine m left join machine_inventory i on i.machine_id = m.id "
				+ "left join machine_admin_data a on a.machine_id = m.id"
				+ ((rows != null) ? " cross join lateral (" + rows + ") x" : "");
		return this.jdbc
			.sql("select distinct " + value + " as v " + from + " where " + value
					+ " ilike :typed escape '\\' order by 1 limit :limit")
			.param("typed", likeEscaped(typed) + "%")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	private MachineGroup map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String mode = rs.getString("mode");
		return new MachineGroup(id, rs.getString("name"), GroupType.valueOf(rs.getString("type")),
				(mode != null) ? GroupMode.valueOf(mode) : null, rs.getString("expression"), criteria(id),
				rs.getBoolean("visible"), rs.getString("owner"), shares(id), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static String likeEscaped(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return LikePattern.literal(text.trim());
	}

}
