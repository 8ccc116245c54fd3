package parc.routes.agent;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.group.GroupCriterion;
import parc.orchestrator.group.GroupDraft;
import parc.orchestrator.group.GroupMode;
import parc.orchestrator.group.GroupOperator;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dynamic groups over inventories that came in through {@code POST /ocsinventory}, from
 * the captured 2.10 agent's request (issue #7, must-show 2): a few copies of it as other
 * machines, one without curl, one reporting Windows, and the groups find exactly the
 * expected ones.
 */
@PostgresBackedTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false" })
class DynamicGroupsOverAgentInventoriesTest {

	@LocalServerPort
	int port;

	@Autowired
	GroupService groups;

	@Autowired
	UserAccountService accounts;

	String prefix;

	GroupViewer owner;

	/** Makes this test's MACs its own. */
	int number;

	@BeforeEach
	void agentsReport() {
		String id = UUID.randomUUID().toString().substring(0, 6);
		this.prefix = "dg" + id + "-";
		this.owner = new GroupViewer("groups" + id, Role.ADMIN);
		this.accounts.create(new NewUserAccount(this.owner.username(), Role.ADMIN));
		OcsAgentClient agent = new OcsAgentClient(this.port);
		this.number = Math.abs(id.hashCode() % 1_000_000) * 10;
		report(agent, "linux-a", this.number + 1, (xml) -> xml);
		report(agent, "linux-b", this.number + 2, (xml) -> xml);
		report(agent, "no-curl", this.number + 3, (xml) -> xml.replace("<NAME>curl</NAME>", "<NAME>curl-gone</NAME>"));
		report(agent, "windows", this.number + 4,
				(xml) -> xml.replace("<OSNAME>Debian GNU/Linux 12</OSNAME>", "<OSNAME>Microsoft Windows 11</OSNAME>"));
	}

	@Test
	void shouldFindLinuxMachinesWithSoftwareNotInAnotherGroup() {
		MachineGroup excluded = this.groups.create(
				GroupDraft.ofCriteria(this.prefix + "excluded", List.of(mine(), name(this.prefix + "linux-b")), null),
				this.owner);
		MachineGroup target = this.groups.create(GroupDraft.ofCriteria(this.prefix + "target",
				List.of(mine(), new GroupCriterion("osFamily", GroupOperator.EQUALS, "LINUX"),
						new GroupCriterion("software", GroupOperator.EQUALS, "curl"),
						new GroupCriterion("group", GroupOperator.EQUALS, excluded.name())),
				"AND(1, 2, 3, NOT(4))"), this.owner);

		assertThat(members(target)).containsExactly(this.prefix + "linux-a");
	}

	@Test
	void shouldMatchTheCapturedAgentsFields() {
		MachineGroup group = this.groups.create(GroupDraft.ofCriteria(this.prefix + "fields",
				List.of(mine(), new GroupCriterion("os", GroupOperator.CONTAINS, "debian"),
						new GroupCriterion("tag", GroupOperator.EQUALS, "TEST-TAG"),
						new GroupCriterion("network", GroupOperator.EQUALS, "192.0.2.0/24"),
						new GroupCriterion("software", GroupOperator.EQUALS, "openssh-c*"),
						new GroupCriterion("software", GroupOperator.EQUALS, "curl")),
				"AND(1, 2, 3, 4, OR(5, 6))"), this.owner);

		assertThat(members(group)).containsExactly(this.prefix + "linux-a", this.prefix + "linux-b",
				this.prefix + "no-curl");
	}

	@Test
	void shouldKeepAResultWhileTheInventoriesMoveOn() {
		MachineGroup query = this.groups.create(
				GroupDraft.ofCriteria(this.prefix + "curl",
						List.of(mine(), new GroupCriterion("software", GroupOperator.EQUALS, "curl")), null),
				this.owner);
		assertThat(members(query)).containsExactly(this.prefix + "linux-a", this.prefix + "linux-b",
				this.prefix + "windows");
		MachineGroup result = this.groups.switchMode(query.id(), GroupMode.RESULT, this.owner);

		// linux-a's next inventory no longer has curl: the query moves, the result stays.
		report(new OcsAgentClient(this.port), "linux-a", this.number + 1,
				(xml) -> xml.replace("<NAME>curl</NAME>", "<NAME>curl-gone</NAME>"));
		MachineGroup twin = this.groups.create(
				GroupDraft.ofCriteria(this.prefix + "curl-now",
						List.of(mine(), new GroupCriterion("software", GroupOperator.EQUALS, "curl")), null),
				this.owner);
		assertThat(members(twin)).containsExactly(this.prefix + "linux-b", this.prefix + "windows");
		assertThat(members(result)).containsExactly(this.prefix + "linux-a", this.prefix + "linux-b",
				this.prefix + "windows");

		List<Long> ids = this.groups.memberIds(result.id(), this.owner);
		this.groups.removeMachines(result.id(), ids, this.owner);
		assertThat(this.groups.get(result.id(), this.owner).mode()).isEqualTo(GroupMode.QUERY);
		assertThat(members(result)).containsExactly(this.prefix + "linux-b", this.prefix + "windows");
	}

	private void report(OcsAgentClient agent, String host, int number,
			java.util.function.UnaryOperator<String> change) {
		String xml = change.apply(CapturedAgentPayloads.inventoryOf(this.prefix + host, number));
		assertThat(agent.post(xml).status()).isEqualTo(200);
	}

	private GroupCriterion mine() {
		return name(this.prefix + "*");
	}

	private static GroupCriterion name(String name) {
		return new GroupCriterion("name", GroupOperator.EQUALS, name);
	}

	private List<String> members(MachineGroup group) {
		return this.groups.members(group.id(), this.owner, InventoryRow.Column.NAME, true, new PageRequest(0, 50))
			.content()
			.stream()
			.map(InventoryRow::name)
			.toList();
	}

}
