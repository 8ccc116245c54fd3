package parc.orchestrator.machine;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parc.orchestrator.machine.MachineFixtures.debianWebServer;
import static parc.orchestrator.machine.MachineFixtures.windowsDesktopWithOcsAgent;

@PostgresBackedTest
class MachineServiceTest {

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	/**
	 * Names are unique per database and the context (and so the database) is shared by
	 * test classes.
	 */
	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldStoreNormalisedMachineWhenRegistered() {
		MachineDraft draft = new MachineDraft("  " + unique("web") + " ", " 192.0.2.10 ",
				List.of("aa-bb-cc-dd-ee-01", "AA:BB:CC:DD:EE:01", "aabb.ccdd.ee02"), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, null, " deploy ", null, List.of("web ", "prod", "web"), "  ", null);

		Machine machine = this.machines.register(draft);

		assertThat(machine.id()).isPositive();
		assertThat(machine.name()).isEqualTo(draft.name().trim());
		assertThat(machine.address()).isEqualTo("192.0.2.10");
		assertThat(machine.macAddresses()).containsExactly("AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:02");
		assertThat(machine.sshPort()).isEqualTo(22);
		assertThat(machine.sshUser()).isEqualTo("deploy");
		assertThat(machine.tags()).containsExactly("prod", "web");
		assertThat(machine.notes()).isNull();
		assertThat(machine.createdAt()).isEqualTo(machine.updatedAt());
		assertThat(this.machines.get(machine.id())).isEqualTo(machine);
	}

	@Test
	void shouldLeaveSshPortEmptyForOcsAgentMachines() {
		Machine machine = this.machines.register(windowsDesktopWithOcsAgent(unique("pc")));

		assertThat(machine.channel()).isEqualTo(Channel.OCS_AGENT);
		assertThat(machine.sshPort()).isNull();
	}

	@Test
	void shouldNameEachInvalidFieldWhenDraftIsInvalid() {
		MachineDraft draft = new MachineDraft("", "not a host!", List.of("AA:BB:CC:DD:EE:FF", "zz:zz"), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 70000, "bad user", null, List.of(), null, null);

		assertThatThrownBy(() -> this.machines.register(draft)).isInstanceOfSatisfying(
				ConstraintViolationException.class,
				(ex) -> assertThat(ex.getConstraintViolations()).extracting(ConstraintViolation::getPropertyPath)
					.map(Object::toString)
					.containsExactlyInAnyOrder("register.draft.name", "register.draft.address",
							"register.draft.macAddresses[1].<list element>", "register.draft.sshPort",
							"register.draft.sshUser"));
	}

	@Test
	void shouldRefuseSecondMachineWithSameNameIgnoringCase() {
		String name = unique("Mail");
		this.machines.register(debianWebServer(name));

		assertThatThrownBy(() -> this.machines.register(debianWebServer(name.toLowerCase())))
			.isInstanceOf(DuplicateMachineNameException.class)
			.hasMessageContaining(name.toLowerCase());
	}

	@Test
	void shouldUpdateFieldsAndTimestampWhenEdited() {
		Machine original = this.machines.register(debianWebServer(unique("db")));
		long credentialId = this.credentials
			.create(new CredentialDraft(unique("root-password"), CredentialType.PASSWORD, "root", null, null, "s3cret"))
			.id();
		MachineDraft changed = new MachineDraft(original.name(), "db.example.org", List.of(), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 2222, "root", credentialId, List.of("db"), "moved", null);

		Machine updated = this.machines.update(original.id(), changed);

		assertThat(updated.address()).isEqualTo("db.example.org");
		assertThat(updated.sshPort()).isEqualTo(2222);
		assertThat(updated.credentialId()).isEqualTo(credentialId);
		assertThat(updated.macAddresses()).isEmpty();
		assertThat(updated.createdAt()).isEqualTo(original.createdAt());
		assertThat(updated.updatedAt()).isAfterOrEqualTo(original.updatedAt());
	}

	@Test
	void shouldRefuseACredentialThatDoesNotExist() {
		Machine original = this.machines.register(debianWebServer(unique("nocred")));
		MachineDraft changed = new MachineDraft(original.name(), original.address(), List.of(), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 22, "root", 987654L, List.of(), null, null);

		assertThatThrownBy(() -> this.machines.update(original.id(), changed))
			.isInstanceOf(UnknownCredentialException.class)
			.hasMessageContaining("credentialId");
	}

	@Test
	void shouldRefuseRenameToAnotherMachinesName() {
		Machine first = this.machines.register(debianWebServer(unique("a")));
		Machine second = this.machines.register(debianWebServer(unique("b")));

		assertThatThrownBy(() -> this.machines.update(second.id(), debianWebServer(first.name().toUpperCase())))
			.isInstanceOf(DuplicateMachineNameException.class);
	}

	@Test
	void shouldReportMissingMachineOnGetUpdateAndDelete() {
		Machine machine = this.machines.register(debianWebServer(unique("gone")));
		this.machines.delete(machine.id());

		assertThatThrownBy(() -> this.machines.get(machine.id())).isInstanceOf(MachineNotFoundException.class);
		assertThatThrownBy(() -> this.machines.update(machine.id(), debianWebServer(unique("x"))))
			.isInstanceOf(MachineNotFoundException.class);
		assertThatThrownBy(() -> this.machines.delete(machine.id())).isInstanceOf(MachineNotFoundException.class);
	}

	@Test
	void shouldFilterByNamePartSortAndPage() {
		String family = unique("fleet");
		for (String suffix : List.of("c", "a", "e", "b", "d")) {
			this.machines.register(debianWebServer(family + "-" + suffix));
		}

		Page<Machine> firstPage = this.machines
			.find(new MachineQuery(family.toUpperCase(), MachineSort.NAME, true, new PageRequest(0, 2)));
		Page<Machine> lastPage = this.machines
			.find(new MachineQuery(family, MachineSort.NAME, true, new PageRequest(2, 2)));
		Page<Machine> descending = this.machines
			.find(new MachineQuery(family, MachineSort.NAME, false, new PageRequest(0, 10)));

		assertThat(firstPage.totalElements()).isEqualTo(5);
		assertThat(firstPage.totalPages()).isEqualTo(3);
		assertThat(firstPage.content()).extracting(Machine::name).containsExactly(family + "-a", family + "-b");
		assertThat(lastPage.content()).extracting(Machine::name).containsExactly(family + "-e");
		assertThat(lastPage.hasNext()).isFalse();
		assertThat(descending.content()).extracting(Machine::name).first().isEqualTo(family + "-e");
	}

	@Test
	void shouldTreatLikeWildcardsInFilterAsPlainText() {
		String base = unique("pct");
		this.machines.register(debianWebServer(base + "-50%off"));
		this.machines.register(debianWebServer(base + "-50xoff"));

		Page<Machine> page = this.machines
			.find(new MachineQuery(base + "-50%", MachineSort.NAME, true, new PageRequest(0, 10)));

		assertThat(page.content()).extracting(Machine::name).containsExactly(base + "-50%off");
	}

	@Test
	void shouldRefuseAnEditStartedFromAnOlderVersion() {
		Machine loaded = this.machines.register(debianWebServer(unique("shared")));
		assertThat(loaded.version()).isZero();
		MachineDraft alice = withVersion(loaded, "192.0.2.61", loaded.version());
		MachineDraft bob = withVersion(loaded, "192.0.2.62", loaded.version());

		Machine saved = this.machines.update(loaded.id(), alice);

		assertThat(saved.version()).isEqualTo(1);
		assertThatThrownBy(() -> this.machines.update(loaded.id(), bob))
			.isInstanceOf(MachineEditConflictException.class)
			.hasMessageContaining("version 1");
		assertThat(this.machines.get(loaded.id()).address()).isEqualTo("192.0.2.61");
	}

	@Test
	void shouldSkipTheVersionCheckWhenNoVersionIsGiven() {
		Machine loaded = this.machines.register(debianWebServer(unique("script")));
		this.machines.update(loaded.id(), withVersion(loaded, "192.0.2.63", loaded.version()));

		Machine saved = this.machines.update(loaded.id(), withVersion(loaded, "192.0.2.64", null));

		assertThat(saved.address()).isEqualTo("192.0.2.64");
		assertThat(saved.version()).isEqualTo(2);
	}

	private static MachineDraft withVersion(Machine machine, String address, Integer version) {
		return new MachineDraft(machine.name(), address, machine.macAddresses(), machine.osFamily(), machine.channel(),
				machine.sshPort(), machine.sshUser(), machine.credentialId(), machine.tags(), machine.notes(), version);
	}

}
