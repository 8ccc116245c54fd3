package parc.orchestrator.group;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.inventory.InventoryFixtures;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Static groups built from a file of values on real PostgreSQL (issue #7): every line's
 * result, ambiguous and invalid values left out, and no group when nothing matched.
 */
@PostgresBackedTest
class GroupImportServiceTest {

	@Autowired
	GroupImportService imports;

	@Autowired
	GroupService groups;

	@Autowired
	MachineService machines;

	@Autowired
	InventoryService inventories;

	@Autowired
	UserAccountService accounts;

	String prefix;

	GroupViewer owner;

	String sharedMac;

	@BeforeEach
	void fleet() {
		String id = UUID.randomUUID().toString().substring(0, 6);
		this.prefix = "gi" + id + "-";
		this.owner = new GroupViewer("importer" + id, Role.ADMIN);
		this.accounts.create(new NewUserAccount(this.owner.username(), Role.ADMIN));
		byte[] bytes = UUID.randomUUID().toString().getBytes();
		this.sharedMac = String.format("02:AA:%02X:%02X:%02X:%02X", bytes[0], bytes[1], bytes[2], bytes[3]);
		register("web", this.sharedMac);
		register("twin", this.sharedMac);
		this.inventories.store(InventoryFixtures
			.debianLaptop(this.prefix + "agent", "SN-" + this.prefix,
					String.format("02:BB:%02X:%02X:%02X:%02X", bytes[4], bytes[5], bytes[6], bytes[7]))
			.withSoftware(this.prefix + "tool", "1.0")
			.fromAgent(this.prefix + "agent-2026-11-01-08-00-00"));
	}

	@Test
	void shouldGiveEachNameItsResultAndGroupTheMatches() throws Exception {
		GroupImport result = importFile(GroupImportKind.NAME,
				this.prefix + "web\n" + this.prefix + "nobody\n\n" + this.prefix.toUpperCase() + "AGENT\n");

		assertThat(lines(result)).containsExactly("1 MATCHED 1", "2 NO_MATCH 0", "4 MATCHED 1");
		assertThat(result.machines()).isEqualTo(2);
		assertThat(result.lines()).containsEntry(GroupImportOutcome.MATCHED, 2)
			.containsEntry(GroupImportOutcome.NO_MATCH, 1);
		MachineGroup group = this.groups.get(result.groupId(), this.owner);
		assertThat(group.type()).isEqualTo(GroupType.STATIC);
		assertThat(this.groups.memberIds(group.id(), this.owner)).hasSize(2);
	}

	@Test
	void shouldLeaveOutAmbiguousAndInvalidMacs() throws Exception {
		GroupImport result = importFile(GroupImportKind.MAC,
				"mac\n" + this.sharedMac.toLowerCase() + "\nzz-zz\n" + this.sharedMac.replace(':', '-') + "\n");

		assertThat(lines(result)).containsExactly("1 INVALID 0", "2 AMBIGUOUS 2", "3 INVALID 0", "4 AMBIGUOUS 2");
		assertThat(result.groupId()).as("nothing matched: no group").isNull();
		assertThat(this.imports.lines(result.id(), true, new PageRequest(0, 10)).content().get(1).reason())
			.contains("several machines");
	}

	@Test
	void shouldTakeEveryMachineWithTheSoftware() throws Exception {
		GroupImport result = importFile(GroupImportKind.SOFTWARE, this.prefix + "TOOL\n");

		assertThat(lines(result)).containsExactly("1 MATCHED 1");
		assertThat(this.groups.memberIds(result.groupId(), this.owner))
			.containsExactly(this.machines.findByName(this.prefix + "agent").orElseThrow().id());
	}

	@Test
	void shouldMarkALineThatIsNotInTheCharsetInvalid() throws Exception {
		byte[] latin1 = (this.prefix + "web\n" + this.prefix + "caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);

		GroupImport result = this.imports.importGroup(this.prefix + "latin", GroupImportKind.NAME,
				new ByteArrayInputStream(latin1), "names.txt", null, false, this.owner);

		assertThat(lines(result)).containsExactly("1 MATCHED 1", "2 INVALID 0");
	}

	@Test
	void shouldRefuseAnEmptyFileAndATakenNameBeforeWriting() {
		assertThatThrownBy(() -> importFile(GroupImportKind.NAME, "\n\n")).isInstanceOf(InvalidGroupException.class)
			.hasMessage("the file holds no value");
		this.groups.create(GroupDraft.ofMachines(this.prefix + "taken", List.of()), this.owner);
		assertThatThrownBy(() -> this.imports.importGroup(this.prefix + "taken", GroupImportKind.NAME,
				new ByteArrayInputStream((this.prefix + "web").getBytes()), "n.txt", null, false, this.owner))
			.isInstanceOf(DuplicateGroupNameException.class);
	}

	private GroupImport importFile(GroupImportKind kind, String content) throws Exception {
		return this.imports.importGroup(this.prefix + kind, kind,
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "values.csv", null, false,
				this.owner);
	}

	private List<String> lines(GroupImport result) {
		return this.imports.lines(result.id(), false, new PageRequest(0, 50))
			.content()
			.stream()
			.map((line) -> line.line() + " " + line.outcome() + " " + line.machines())
			.toList();
	}

	private void register(String name, String mac) {
		this.machines.register(new MachineDraft(this.prefix + name, "192.0.2.40", List.of(mac), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 22, null, null, List.of(), null, null));
	}

}
