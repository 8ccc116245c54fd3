package parc.orchestrator.group;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.inventory.InventoryFixtures;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Groups on real PostgreSQL over inventories stored by the real service: every criterion
 * kind, the expression, query and result mode, sharing. Each test keeps to its own
 * machines with a name prefix; inventories ingested from the captured OCS agent are in
 * the routes module's {@code DynamicGroupsOverAgentInventoriesTest}.
 */
@PostgresBackedTest
class GroupServiceTest {

	@Autowired
	GroupService groups;

	@Autowired
	InventoryService inventories;

	@Autowired
	UserAccountService accounts;

	String prefix;

	GroupViewer owner;

	long web;

	long db;

	long desk;

	@BeforeEach
	void fleet() {
		String id = UUID.randomUUID().toString().substring(0, 6);
		this.prefix = "g" + id + "-";
		this.owner = account("owner" + id, Role.ADMIN);
		this.web = store("web", "16000", "192.0.2.10", "Debian GNU/Linux 12", "nginx");
		this.db = store("db", "64000", "192.0.2.200", "Debian GNU/Linux 12", "postgresql-15");
		this.desk = store("desk", "8000", "198.51.100.7", "Microsoft Windows 11 Pro", "firefox");
	}

	@Test
	void shouldCombineCriteriaWithTheExpression() {
		MachineGroup group = dynamic(List.of(mine(), criterion("software", GroupOperator.EQUALS, "nginx"),
				criterion("software", GroupOperator.EQUALS, "postgres*"),
				criterion("osFamily", GroupOperator.EQUALS, "windows")), "and(1, or(2, 3))");

		assertThat(group.expression()).isEqualTo("AND(1, OR(2, 3))");
		assertThat(members(group)).containsExactly(name("db"), name("web"));
	}

	@Test
	void shouldTakeAndOfAllWithoutExpression() {
		MachineGroup group = dynamic(List.of(mine(), criterion("os", GroupOperator.CONTAINS, "debian"),
				criterion("memory", GroupOperator.GREATER, "20000")), null);

		assertThat(group.expression()).isNull();
		assertThat(members(group)).containsExactly(name("db"));
	}

	@Test
	void shouldCountAMachineWithoutTheValueUnderNot() {
		// desk has no nginx row and no TAG at all: NOT must still take it in.
		MachineGroup group = dynamic(List.of(mine(), criterion("software", GroupOperator.EQUALS, "nginx"),
				criterion("tag", GroupOperator.EQUALS, "NEVER-SET")), "AND(1, NOT(OR(2, 3)))");

		assertThat(members(group)).containsExactly(name("db"), name("desk"));
	}

	@Test
	void shouldCompareNumbersNetworksAndNotEquals() {
		assertThat(members(
				dynamic(List.of(mine(), new GroupCriterion("memory", GroupOperator.BETWEEN, "10000..20000")), null)))
			.containsExactly(name("web"));
		assertThat(members(dynamic(List.of(mine(), criterion("network", GroupOperator.EQUALS, "192.0.2.0/25")), null)))
			.containsExactly(name("web"));
		assertThat(
				members(dynamic(List.of(mine(), criterion("network", GroupOperator.NOT_EQUALS, "192.0.2.0/24")), null)))
			.containsExactly(name("desk"));
		assertThat(members(dynamic(List.of(mine(), criterion("software", GroupOperator.NOT_EQUALS, "firefox")), null)))
			.containsExactly(name("db"), name("web"));
	}

	@Test
	void shouldTakeLikeCharactersLiterallyAndStarAsWildcard() {
		assertThat(members(dynamic(List.of(mine(), criterion("software", GroupOperator.EQUALS, "postgres%")), null)))
			.isEmpty();
		assertThat(members(dynamic(List.of(mine(), criterion("name", GroupOperator.EQUALS, "*-d*")), null)))
			.containsExactly(name("db"), name("desk"));
	}

	@Test
	void shouldFollowMembershipOfQueryAndStaticGroups() {
		MachineGroup chosen = this.groups.create(GroupDraft.ofMachines(this.prefix + "chosen", List.of(this.web)),
				this.owner);
		MachineGroup debian = dynamic(List.of(mine(), criterion("os", GroupOperator.EQUALS, "Debian*")), null);

		MachineGroup both = dynamic(List.of(criterion("group", GroupOperator.EQUALS, debian.name()),
				criterion("group", GroupOperator.NOT_EQUALS, Long.toString(chosen.id()))), null);

		assertThat(both.criteria().get(0).value()).isEqualTo(Long.toString(debian.id()));
		assertThat(members(both)).containsExactly(name("db"));
	}

	@Test
	void shouldRefuseAGroupThatLeadsBackToItself() {
		MachineGroup first = dynamic(List.of(mine()), null);
		MachineGroup second = dynamic(List.of(criterion("group", GroupOperator.EQUALS, Long.toString(first.id()))),
				null);

		GroupDraft loop = GroupDraft.ofCriteria(first.name(),
				List.of(criterion("group", GroupOperator.EQUALS, Long.toString(second.id()))), null);
		assertThatThrownBy(() -> this.groups.update(first.id(), loop, null, this.owner))
			.isInstanceOf(InvalidGroupException.class)
			.hasMessageContaining("leads back to itself")
			.extracting((ex) -> ((InvalidGroupException) ex).field())
			.isEqualTo("criteria[0].value");
		assertThatThrownBy(() -> this.groups.delete(first.id(), this.owner))
			.isInstanceOf(GroupChangeRefusedException.class)
			.hasMessageContaining(second.name());
	}

	@Test
	void shouldKeepTheResultAndTurnBackIntoAQueryWhenEmptied() {
		MachineGroup query = dynamic(List.of(mine(), criterion("os", GroupOperator.EQUALS, "Debian*")), null);
		MachineGroup result = this.groups.switchMode(query.id(), GroupMode.RESULT, this.owner);
		assertThat(result.mode()).isEqualTo(GroupMode.RESULT);

		// A new Debian machine joins the query, not the result.
		store("late", "4000", "192.0.2.30", "Debian GNU/Linux 12", "vim");
		assertThat(members(result)).containsExactly(name("db"), name("web"));

		this.groups.removeMachines(result.id(), List.of(this.web), this.owner);
		assertThat(members(result)).containsExactly(name("db"));
		assertThat(this.groups.get(result.id(), this.owner).mode()).isEqualTo(GroupMode.RESULT);

		this.groups.removeMachines(result.id(), List.of(this.db), this.owner);
		MachineGroup emptied = this.groups.get(result.id(), this.owner);
		assertThat(emptied.mode()).isEqualTo(GroupMode.QUERY);
		assertThat(members(emptied)).containsExactly(name("db"), name("late"), name("web"));
	}

	@Test
	void shouldSwitchAResultBackToAQuery() {
		MachineGroup result = this.groups.create(new GroupDraft(this.prefix + "r", GroupType.DYNAMIC, null,
				List.of(mine(), criterion("osFamily", GroupOperator.EQUALS, "WINDOWS")), null, GroupMode.RESULT, false),
				this.owner);
		assertThat(result.mode()).isEqualTo(GroupMode.RESULT);
		assertThat(this.groups.memberIds(result.id(), this.owner)).containsExactly(this.desk);
		assertThatThrownBy(() -> this.groups.addMachines(result.id(), List.of(this.web), this.owner))
			.isInstanceOf(GroupChangeRefusedException.class);

		MachineGroup query = this.groups.switchMode(result.id(), GroupMode.QUERY, this.owner);
		assertThat(query.mode()).isEqualTo(GroupMode.QUERY);
		assertThatThrownBy(() -> this.groups.removeMachines(query.id(), List.of(this.desk), this.owner))
			.isInstanceOf(GroupChangeRefusedException.class)
			.hasMessageContaining("result mode");
	}

	@Test
	void shouldAddAndRemoveStaticMembers() {
		MachineGroup group = this.groups.create(GroupDraft.ofMachines(this.prefix + "s", List.of(this.web)),
				this.owner);
		this.groups.addMachines(group.id(), List.of(this.db, this.web), this.owner);
		assertThat(members(group)).containsExactly(name("db"), name("web"));

		this.groups.removeMachines(group.id(), List.of(this.web, this.db), this.owner);
		assertThat(members(group)).isEmpty();
		assertThat(this.groups.get(group.id(), this.owner).type()).isEqualTo(GroupType.STATIC);
		assertThatThrownBy(() -> this.groups.addMachines(group.id(), List.of(-5L), this.owner))
			.isInstanceOf(InvalidGroupException.class)
			.hasMessage("no machine -5");
	}

	@Test
	void shouldRefuseCriteriaThatCannotRunNamingTheField() {
		assertThatThrownBy(() -> dynamic(List.of(criterion("colour", GroupOperator.EQUALS, "red")), null))
			.isInstanceOf(InvalidGroupException.class)
			.hasMessage("unknown field 'colour'")
			.extracting((ex) -> ((InvalidGroupException) ex).field())
			.isEqualTo("criteria[0].field");
		assertThatThrownBy(() -> dynamic(List.of(mine(), criterion("memory", GroupOperator.LESS, "lots")), null))
			.hasMessage("'lots' is not a number");
		assertThatThrownBy(() -> dynamic(List.of(criterion("software", GroupOperator.LESS, "a")), null))
			.hasMessageContaining("software takes [EQUALS, NOT_EQUALS, CONTAINS], not LESS");
		assertThatThrownBy(() -> dynamic(List.of(criterion("network", GroupOperator.EQUALS, "lan")), null))
			.hasMessageContaining("is not an IPv4 network");
		assertThatThrownBy(() -> dynamic(List.of(criterion("group", GroupOperator.EQUALS, "nobody's")), null))
			.hasMessage("no group 'nobody's' that you can see");
		assertThatThrownBy(() -> dynamic(List.of(mine()), "AND(1, 2)"))
			.isInstanceOf(InvalidGroupExpressionException.class)
			.hasMessageContaining("at position 8");
	}

	@Test
	void shouldShowAGroupOnlyToItsOwnerAndThoseItIsSharedWith() {
		String id = UUID.randomUUID().toString().substring(0, 6);
		GroupViewer colleague = account("colleague" + id, Role.ADMIN);
		GroupViewer reader = account("reader" + id, Role.USER);
		MachineGroup group = dynamic(List.of(mine()), null);
		assertThatThrownBy(() -> this.groups.get(group.id(), colleague)).isInstanceOf(GroupNotFoundException.class);

		this.groups.share(group.id(), List.of(GroupShare.user(colleague.username()), GroupShare.role(Role.USER)),
				this.owner);
		assertThat(this.groups.get(group.id(), colleague).shares()).hasSize(2);
		assertThat(this.groups.memberIds(group.id(), reader)).containsExactly(this.web, this.db, this.desk);
		assertThat(this.groups.list(colleague, this.prefix, new PageRequest(0, 10)).content())
			.extracting(MachineGroup::id)
			.containsExactly(group.id());

		// A sharer edits but does not delete.
		this.groups.update(group.id(), GroupDraft.ofCriteria(this.prefix + "renamed", List.of(mine()), null), null,
				colleague);
		assertThatThrownBy(() -> this.groups.delete(group.id(), colleague))
			.isInstanceOf(GroupChangeRefusedException.class)
			.hasMessageContaining(this.owner.username());
		assertThatThrownBy(() -> this.groups.share(group.id(), List.of(GroupShare.user("no-such-" + id)), this.owner))
			.isInstanceOf(InvalidGroupException.class);
		this.groups.delete(group.id(), this.owner);
		assertThatThrownBy(() -> this.groups.get(group.id(), this.owner)).isInstanceOf(GroupNotFoundException.class);
	}

	@Test
	void shouldSuggestValuesAfterThreeCharacters() {
		assertThat(this.groups.suggestions("software", "ng", this.owner)).isEmpty();
		assertThat(this.groups.suggestions("software", "NGI", this.owner)).contains("nginx");
		assertThat(this.groups.suggestions("name", this.prefix + "d", this.owner)).containsExactly(name("db"),
				name("desk"));
		assertThat(this.groups.suggestions("osFamily", "win", this.owner)).containsExactly("WINDOWS");
		MachineGroup group = dynamic(List.of(mine()), null);
		assertThat(this.groups.suggestions("group", this.prefix, this.owner)).containsExactly(group.name());
		assertThat(this.groups.suggestions("software", "50%", this.owner)).isEmpty();
	}

	@Test
	void shouldRefuseASecondGroupOfTheSameNameForOneOwner() {
		dynamic(List.of(mine()), null);
		assertThatThrownBy(
				() -> this.groups.create(GroupDraft.ofMachines(this.prefix.toUpperCase() + "1", List.of()), this.owner))
			.isInstanceOf(DuplicateGroupNameException.class);
	}

	private int created;

	private MachineGroup dynamic(List<GroupCriterion> criteria, String expression) {
		return this.groups.create(GroupDraft.ofCriteria(this.prefix + (++this.created), criteria, expression),
				this.owner);
	}

	/** This test's machines only. */
	private GroupCriterion mine() {
		return criterion("name", GroupOperator.EQUALS, this.prefix + "*");
	}

	private static GroupCriterion criterion(String field, GroupOperator operator, String value) {
		return new GroupCriterion(field, operator, value);
	}

	private List<String> members(MachineGroup group) {
		return this.groups.members(group.id(), this.owner, InventoryRow.Column.NAME, true, new PageRequest(0, 50))
			.content()
			.stream()
			.map(InventoryRow::name)
			.toList();
	}

	private String name(String machine) {
		return this.prefix + machine;
	}

	private GroupViewer account(String username, Role role) {
		this.accounts.create(new NewUserAccount(username, role));
		return new GroupViewer(username, role);
	}

	private long store(String name, String memory, String ip, String os, String software) {
		byte[] bytes = UUID.randomUUID().toString().getBytes();
		String mac = String.format("02:%02x:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]);
		return this.inventories
			.store(InventoryFixtures.debianLaptop(this.prefix + name, "SN-" + this.prefix + name, mac)
				.withMemory(memory)
				.withIp(ip)
				.withOs(os)
				.withSoftware(software, "1.0")
				.fromAgent(this.prefix + name + "-2026-11-01-08-00-00"))
			.machineId();
	}

}
