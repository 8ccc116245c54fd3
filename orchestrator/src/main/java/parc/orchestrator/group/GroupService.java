package parc.orchestrator.group;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.inventory.InventorySearchService;
import parc.orchestrator.inventory.MachineCondition;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

/**
 * Groups of machines: static or dynamic, query or result mode, shared. Every call names
 * the {@link GroupViewer}: a group it does not see answers as if it did not exist.
 */
@Service
@Validated
public class GroupService {

	/** The most machines one group resolves to for a deployment or an export. */
	public static final int MAX_MEMBERS = 100_000;

	/** The most navigation shortcuts the console shows. */
	public static final int MAX_SHORTCUTS = 20;

	/** How many characters the console waits for before it suggests values. */
	public static final int SUGGEST_AFTER = 3;

	private static final int MAX_SUGGESTIONS = 20;

	private final GroupRepository repository;

	private final GroupFieldCatalog catalog;

	private final InventorySearchService inventory;

	private final UserAccountService accounts;

	GroupService(GroupRepository repository, GroupFieldCatalog catalog, InventorySearchService inventory,
			UserAccountService accounts) {
		this.repository = repository;
		this.catalog = catalog;
		this.inventory = inventory;
		this.accounts = accounts;
	}

	public List<GroupFieldInfo> fields() {
		return this.catalog.fields();
	}

	/**
	 * Values a criterion on this field could take, for the console to suggest once three
	 * characters are typed: what the inventories hold, the choices, or group names.
	 */
	public List<String> suggestions(String fieldKey, String typed, GroupViewer viewer) {
		String start = (typed != null) ? typed.trim() : "";
		if (start.length() < SUGGEST_AFTER) {
			return List.of();
		}
		Optional<GroupField> builtIn = GroupField.byKey(fieldKey);
		if (builtIn.isPresent()) {
			GroupField field = builtIn.get();
			return switch (field.type()) {
				case CHOICE -> field.choices()
					.stream()
					.filter((choice) -> choice.regionMatches(true, 0, start, 0, start.length()))
					.toList();
				case GROUP -> this.repository.findSeenBy(viewer, start, new PageRequest(0, MAX_SUGGESTIONS))
					.content()
					.stream()
					.map(MachineGroup::name)
					.toList();
				case TEXT ->
					(field.rows() != null) ? this.repository.distinctValues("x.v", field.rows(), start, MAX_SUGGESTIONS)
							: this.repository.distinctValues(field.column(), null, start, MAX_SUGGESTIONS);
				default -> List.of();
			};
		}
		if (fieldKey != null && fieldKey.startsWith(GroupFieldCatalog.ADMIN_PREFIX)) {
			String key = fieldKey.substring(GroupFieldCatalog.ADMIN_PREFIX.length());
			parc.orchestrator.inventory.AdminField field = this.catalog.adminFields().get(key);
			if (field != null && GroupFieldCatalog.typeOf(field) == GroupFieldType.TEXT) {
				return this.repository.distinctValues("(a.fields ->> '" + field.key() + "')", null, start,
						MAX_SUGGESTIONS);
			}
		}
		return List.of();
	}

	/**
	 * @throws InvalidGroupException naming the field to fix
	 * @throws InvalidGroupExpressionException when the expression does not read
	 * @throws DuplicateGroupNameException when the viewer has a group of that name
	 */
	@Transactional
	public MachineGroup create(@Valid GroupDraft draft, GroupViewer viewer) {
		if (this.repository.ownerHasName(viewer.username(), draft.name(), null)) {
			throw new DuplicateGroupNameException(draft.name());
		}
		Checked checked = check(draft, viewer, null);
		long id = this.repository.insert(checked.draft(), checked.expression(), viewer.username());
		store(id, checked);
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * Replaces the group's fields; a static group's machines become those given, a result
	 * group is recomputed when its criteria change.
	 * @param version the version the editor read, or null to overwrite
	 */
	@Transactional
	public MachineGroup update(long id, @Valid GroupDraft draft, Integer version, GroupViewer viewer) {
		MachineGroup current = get(id, viewer);
		if (this.repository.ownerHasName(current.owner(), draft.name(), id)) {
			throw new DuplicateGroupNameException(draft.name());
		}
		Checked checked = check(draft, viewer, id);
		boolean sameQuery = current.type() == GroupType.DYNAMIC && draft.type() == GroupType.DYNAMIC
				&& current.criteria().equals(checked.draft().criteria())
				&& java.util.Objects.equals(current.expression(), checked.expression());
		if (!this.repository.update(id, checked.draft(), checked.expression(), version)) {
			throw new GroupChangeRefusedException("The group changed since you read it: reload it and try again");
		}
		if (!(sameQuery && current.mode() == GroupMode.RESULT && draft.mode() == GroupMode.RESULT)) {
			this.repository.removeAllMembers(id);
			store(id, checked);
		}
		else {
			this.repository.replaceCriteria(id, checked.draft().criteria());
		}
		return this.repository.find(id).orElseThrow();
	}

	public MachineGroup get(long id, GroupViewer viewer) {
		return this.repository.find(id).filter(viewer::sees).orElseThrow(() -> new GroupNotFoundException(id));
	}

	public Page<MachineGroup> list(GroupViewer viewer, String name, PageRequest page) {
		return this.repository.findSeenBy(viewer, name, page);
	}

	/** The visible groups the viewer sees, for the navigation. */
	public List<MachineGroup> shortcuts(GroupViewer viewer) {
		return this.repository.findVisibleShortcuts(viewer, MAX_SHORTCUTS);
	}

	public Page<InventoryRow> members(long id, GroupViewer viewer, InventoryRow.Column sort, boolean ascending,
			PageRequest page) {
		return this.inventory.page(membersOf(get(id, viewer)), sort, ascending, page);
	}

	public long memberCount(long id, GroupViewer viewer) {
		return memberCount(get(id, viewer));
	}

	/** For a group the caller already read as its viewer (a page of the list). */
	public long memberCount(MachineGroup group) {
		return this.inventory.count(membersOf(group));
	}

	/**
	 * The machines the group holds now, at most {@link #MAX_MEMBERS}: a query group is
	 * evaluated at this moment.
	 */
	public List<Long> memberIds(long id, GroupViewer viewer) {
		return this.inventory.ids(membersOf(get(id, viewer)), MAX_MEMBERS);
	}

	/**
	 * The machines the group holds now, for work Parc does on its own (a schedule an
	 * admin set), whoever owns the group.
	 * @throws GroupNotFoundException when the group is gone
	 */
	public List<Long> memberIdsOf(long id) {
		MachineGroup group = this.repository.find(id).orElseThrow(() -> new GroupNotFoundException(id));
		return this.inventory.ids(membersOf(group), MAX_MEMBERS);
	}

	/** Streams the members with their main fields, by name. */
	public int exportMembers(long id, GroupViewer viewer, Consumer<InventoryRow> consumer) {
		return this.inventory.export(membersOf(get(id, viewer)), InventoryRow.Column.NAME, true, consumer);
	}

	/**
	 * A preview of what criteria select, before saving them.
	 */
	public Page<InventoryRow> preview(List<GroupCriterion> criteria, String expression, GroupViewer viewer,
			PageRequest page) {
		List<GroupCriterion> resolved = resolveGroupNames(criteria, viewer);
		MachineCondition condition = conditions().matching(resolved, expression, null);
		return this.inventory.page(condition, InventoryRow.Column.NAME, true, page);
	}

	/** Adds machines to a static group. */
	@Transactional
	public int addMachines(long id, List<Long> machineIds, GroupViewer viewer) {
		MachineGroup group = get(id, viewer);
		if (group.type() != GroupType.STATIC) {
			throw new GroupChangeRefusedException(
					"Machines are added by hand to static groups only; change the criteria of a dynamic group");
		}
		requireMachines(machineIds);
		int added = this.repository.addMembers(id, machineIds);
		this.repository.touch(id);
		return added;
	}

	/**
	 * Removes machines from a static group or a result group; a result group left empty
	 * turns back into a query, as in Pulse 2.
	 */
	@Transactional
	public int removeMachines(long id, List<Long> machineIds, GroupViewer viewer) {
		MachineGroup group = get(id, viewer);
		if (!group.storesMembers()) {
			throw new GroupChangeRefusedException("A query group is recomputed every time: switch it to result mode"
					+ " to remove machines by hand, or change its criteria");
		}
		int removed = this.repository.removeMembers(id, machineIds);
		if (group.type() == GroupType.DYNAMIC && this.repository.countMembers(id) == 0) {
			this.repository.setMode(id, GroupMode.QUERY);
		}
		else {
			this.repository.touch(id);
		}
		return removed;
	}

	/**
	 * Switches a dynamic group between query and result: to result stores the members
	 * found now, to query forgets them.
	 */
	@Transactional
	public MachineGroup switchMode(long id, GroupMode mode, GroupViewer viewer) {
		MachineGroup group = get(id, viewer);
		if (group.type() != GroupType.DYNAMIC) {
			throw new GroupChangeRefusedException("Only a dynamic group has a query or result mode");
		}
		if (group.mode() != mode) {
			this.repository.removeAllMembers(id);
			if (mode == GroupMode.RESULT) {
				this.repository.addMembersMatching(id, conditions().matching(group.criteria(), group.expression(), id));
			}
			this.repository.setMode(id, mode);
		}
		return this.repository.find(id).orElseThrow();
	}

	/** Replaces who else sees the group. */
	@Transactional
	public MachineGroup share(long id, List<GroupShare> shares, GroupViewer viewer) {
		MachineGroup group = get(id, viewer);
		LinkedHashSet<GroupShare> checked = new LinkedHashSet<>();
		for (int i = 0; i < shares.size(); i++) {
			GroupShare share = shares.get(i);
			String where = "[" + i + "]";
			if (share == null || share.granteeType() == null || share.grantee() == null) {
				throw new InvalidGroupException(where, "give a granteeType (USER or ROLE) and a grantee");
			}
			if (share.granteeType() == GroupShare.GranteeType.ROLE) {
				if (java.util.Arrays.stream(Role.values()).noneMatch((role) -> role.name().equals(share.grantee()))) {
					throw new InvalidGroupException(where + ".grantee",
							"must be one of " + java.util.Arrays.toString(Role.values()));
				}
			}
			else if (this.accounts.find(share.grantee()).isEmpty()) {
				throw new InvalidGroupException(where + ".grantee", "no account '" + share.grantee() + "'");
			}
			if (!share.equals(GroupShare.user(group.owner()))) {
				checked.add(share);
			}
		}
		this.repository.replaceShares(id, checked);
		this.repository.touch(id);
		return this.repository.find(id).orElseThrow();
	}

	/**
	 * Only the owner deletes a group, and not while another group's criteria name it.
	 */
	@Transactional
	public void delete(long id, GroupViewer viewer) {
		MachineGroup group = get(id, viewer);
		if (!viewer.owns(group)) {
			throw new GroupChangeRefusedException(
					"Only " + group.owner() + ", who created the group, may delete it; it is shared with you");
		}
		List<String> naming = this.repository.namesOfGroupsNaming(id);
		if (!naming.isEmpty()) {
			throw new GroupChangeRefusedException(
					"Groups " + String.join(", ", naming) + " name this one in their criteria: change them first");
		}
		this.repository.delete(id);
	}

	MachineCondition membersOf(MachineGroup group) {
		return conditions().membersOf(group);
	}

	private GroupConditionSql conditions() {
		return new GroupConditionSql(this.catalog.adminFields(), this.repository::find);
	}

	private Checked check(GroupDraft draft, GroupViewer viewer, Long id) {
		if (draft.type() == GroupType.STATIC) {
			if (!draft.criteria().isEmpty() || draft.expression() != null) {
				throw new InvalidGroupException("criteria", "a static group has machines, not criteria");
			}
			requireMachines(draft.machineIds());
			return new Checked(draft, null, null);
		}
		if (!draft.machineIds().isEmpty()) {
			throw new InvalidGroupException("machineIds",
					"a dynamic group's machines come from its criteria; leave machineIds empty");
		}
		List<GroupCriterion> criteria = resolveGroupNames(draft.criteria(), viewer);
		MachineCondition condition = conditions().matching(criteria, draft.expression(), id);
		String expression = (draft.expression() != null)
				? GroupExpressionParser.parse(draft.expression(), criteria.size()).toString() : null;
		GroupDraft resolved = new GroupDraft(draft.name(), draft.type(), List.of(), criteria, expression, draft.mode(),
				draft.visible());
		return new Checked(resolved, expression, condition);
	}

	private void store(long id, Checked checked) {
		GroupDraft draft = checked.draft();
		this.repository.replaceCriteria(id, draft.criteria());
		if (draft.type() == GroupType.STATIC) {
			this.repository.addMembers(id, draft.machineIds());
		}
		else if (draft.mode() == GroupMode.RESULT) {
			this.repository.addMembersMatching(id, checked.condition());
			if (this.repository.countMembers(id) == 0) {
				// An empty result is a query, as when its last member is removed.
				this.repository.setMode(id, GroupMode.QUERY);
			}
		}
	}

	/**
	 * A {@code group} criterion may name its group by id or by name; it is stored by id,
	 * and only groups the viewer sees may be named.
	 */
	private List<GroupCriterion> resolveGroupNames(List<GroupCriterion> criteria, GroupViewer viewer) {
		List<GroupCriterion> resolved = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			GroupCriterion criterion = criteria.get(i);
			if (!GroupField.GROUP.key().equals(criterion.field())) {
				resolved.add(criterion);
				continue;
			}
			String where = "criteria[" + i + "].value";
			Optional<MachineGroup> named = criterion.value().matches("[0-9]{1,18}")
					? this.repository.find(Long.parseLong(criterion.value())).filter(viewer::sees)
					: this.repository.findSeenByName(viewer, criterion.value()).stream().findFirst();
			MachineGroup group = named.orElseThrow(
					() -> new InvalidGroupException(where, "no group '" + criterion.value() + "' that you can see"));
			resolved.add(new GroupCriterion(criterion.field(), criterion.operator(), Long.toString(group.id()),
					criterion.secondValue()));
		}
		return resolved;
	}

	private void requireMachines(List<Long> machineIds) {
		List<Long> unknown = this.repository.unknownMachines(machineIds);
		if (!unknown.isEmpty()) {
			throw new InvalidGroupException("machineIds", "no machine "
					+ unknown.stream().limit(20).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
					+ ((unknown.size() > 20) ? "…" : ""));
		}
	}

	/**
	 * A draft whose group names are ids, its expression normalised, its condition built.
	 */
	private record Checked(GroupDraft draft, String expression, MachineCondition condition) {
	}

}
