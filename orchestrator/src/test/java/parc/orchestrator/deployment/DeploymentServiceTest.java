package parc.orchestrator.deployment;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.group.GroupCriterion;
import parc.orchestrator.group.GroupDraft;
import parc.orchestrator.group.GroupNotFoundException;
import parc.orchestrator.group.GroupOperator;
import parc.orchestrator.group.GroupService;
import parc.orchestrator.group.GroupViewer;
import parc.orchestrator.group.MachineGroup;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageInUseException;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;
import parc.orchestrator.user.NewUserAccount;
import parc.orchestrator.user.Role;
import parc.orchestrator.user.UserAccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class DeploymentServiceTest {

	@Autowired
	DeploymentService deployments;

	@Autowired
	MachineProgress progress;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	@Autowired
	GroupService groups;

	@Autowired
	UserAccountService accounts;

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private SoftwarePackage linuxPackage(boolean needsReboot) {
		return this.packages.createFromFiles(
				new PackageDraft(unique("agent"), "1.0", null, "./install.sh", OsFamily.LINUX, needsReboot, null),
				List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream("echo ok".getBytes()))), "admin");
	}

	private Machine agentlessLinux() {
		return agentlessLinux(unique("srv"));
	}

	private Machine agentlessLinux(String name) {
		long credential = this.credentials
			.create(new CredentialDraft(unique("pw"), CredentialType.PASSWORD, "root", null, null, "pw"))
			.id();
		return this.machines.register(new MachineDraft(name, "192.0.2.60", List.of(), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 22, null, credential, List.of(), null, null));
	}

	@Test
	void shouldTargetADynamicGroupsMembersAtLaunchAndKeepThatList() {
		String owner = unique("launcher");
		this.accounts.create(new NewUserAccount(owner, Role.ADMIN));
		GroupViewer viewer = new GroupViewer(owner, Role.ADMIN);
		String prefix = unique("dep");
		Machine first = agentlessLinux(prefix + "-a");
		Machine second = agentlessLinux(prefix + "-b");
		MachineGroup group = this.groups.create(GroupDraft.ofCriteria(prefix,
				List.of(new GroupCriterion("name", GroupOperator.EQUALS, prefix + "-*")), null), viewer);
		SoftwarePackage pkg = linuxPackage(false);

		Deployment deployment = this.deployments.create(DeploymentRequest.toGroup(pkg.id(), group.id(), null), owner);
		Machine late = agentlessLinux(prefix + "-c");

		assertThat(this.groups.memberIds(group.id(), viewer)).contains(late.id());
		Deployment read = this.deployments.get(deployment.id());
		assertThat(read.targets()).extracting(DeploymentTarget::machineId)
			.containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(read.groupId()).isEqualTo(group.id());
		assertThat(read.groupName()).isEqualTo(prefix);
		assertThat(this.deployments.summariesOfGroup(group.id(), new PageRequest(0, 10)).content()).singleElement()
			.satisfies((summary) -> {
				assertThat(summary.id()).isEqualTo(deployment.id());
				assertThat(summary.groupName()).isEqualTo(prefix);
				assertThat(summary.machines()).isEqualTo(2);
			});
	}

	@Test
	void shouldRefuseAGroupTheLauncherDoesNotSeeOrThatIsEmpty() {
		String owner = unique("owner");
		this.accounts.create(new NewUserAccount(owner, Role.ADMIN));
		String other = unique("other");
		this.accounts.create(new NewUserAccount(other, Role.ADMIN));
		MachineGroup empty = this.groups.create(GroupDraft.ofMachines(unique("empty"), List.of()),
				new GroupViewer(owner, Role.ADMIN));
		SoftwarePackage pkg = linuxPackage(false);

		assertThatThrownBy(() -> this.deployments.create(DeploymentRequest.toGroup(pkg.id(), empty.id(), null), other))
			.isInstanceOf(GroupNotFoundException.class);
		assertThatThrownBy(() -> this.deployments.create(DeploymentRequest.toGroup(pkg.id(), empty.id(), null), owner))
			.isInstanceOfSatisfying(InvalidDeploymentTargetException.class,
					(ex) -> assertThat(ex.problems()).containsExactly("group " + empty.name() + " has no machine now"));
		assertThatThrownBy(() -> this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(1L), null, null, empty.id()), owner))
			.isInstanceOf(jakarta.validation.ConstraintViolationException.class)
			.hasMessageContaining("give machineIds or a groupId, not both");
	}

	@Test
	void shouldScheduleEachMachineWithThePhasesItsOptionsAsk() {
		SoftwarePackage pkg = linuxPackage(true);
		Machine first = agentlessLinux();
		Machine second = agentlessLinux();
		DeploymentOptions options = DeploymentOptions.builder()
			.parameters(List.of("--quiet"))
			.wol(WakeOnLanMode.NEVER)
			.inventoryAfter(true)
			.build();

		Deployment deployment = this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(first.id(), second.id(), first.id()), options), "admin");

		assertThat(deployment.label()).isEqualTo(pkg.label() + " 1.0");
		assertThat(deployment.state()).isEqualTo(DeploymentState.IN_PROGRESS);
		assertThat(deployment.options().parameters()).containsExactly("--quiet");
		assertThat(deployment.targets()).hasSize(2).allSatisfy((target) -> {
			assertThat(target.state()).isEqualTo(TargetState.SCHEDULED);
			// No WOL asked; inventory asked; the package needs a reboot, so the last
			// phase runs.
			assertThat(target.phases().keySet()).containsExactly(DeploymentPhase.TRANSFER, DeploymentPhase.EXECUTE,
					DeploymentPhase.DELETE, DeploymentPhase.INVENTORY, DeploymentPhase.SHUTDOWN);
			assertThat(target.phases().values()).containsOnly(PhaseStatus.NOT_STARTED);
			assertThat(target.nextAttemptAt()).isCloseTo(Instant.now(),
					org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
		});
	}

	@Test
	void shouldPlanTheFirstAttemptAtTheStartDateInsideAWindow() {
		SoftwarePackage pkg = linuxPackage(false);
		Machine machine = agentlessLinux();
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
		DeploymentOptions options = DeploymentOptions.builder().startAt(start).intervals("23:30-23:45").build();

		Deployment deployment = this.deployments.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), options),
				"admin");

		Instant planned = deployment.targets().get(0).nextAttemptAt();
		assertThat(planned).isAfterOrEqualTo(start);
		assertThat(options.windows().isOpen(planned.atZone(java.time.ZoneId.systemDefault()))).isTrue();
	}

	@Test
	void shouldDeliverThroughTheAgentOnAnAgentMachineOnly() {
		SoftwarePackage pkg = linuxPackage(false);
		Machine ssh = agentlessLinux();
		Machine agent = this.machines.register(new MachineDraft(unique("pc"), "192.0.2.63", List.of(), OsFamily.LINUX,
				Channel.OCS_AGENT, null, null, null, List.of(), null, null));

		Deployment deployment = this.deployments.create(new DeploymentRequest(pkg.id(), List.of(ssh.id(), agent.id()),
				DeploymentOptions.builder().wol(WakeOnLanMode.NEVER).inventoryAfter(true).shutdownAfter(true).build()),
				"admin");

		Map<Long, DeploymentTarget> targets = deployment.targets()
			.stream()
			.collect(java.util.stream.Collectors.toMap(DeploymentTarget::machineId, (target) -> target));
		assertThat(targets.get(agent.id()).phases()).as("no shutdown: Parc cannot reach an agent machine")
			.containsOnlyKeys(DeploymentPhase.DELIVER, DeploymentPhase.INVENTORY);
		assertThat(targets.get(ssh.id()).phases()).doesNotContainKey(DeploymentPhase.DELIVER)
			.containsKeys(DeploymentPhase.TRANSFER, DeploymentPhase.EXECUTE, DeploymentPhase.INVENTORY,
					DeploymentPhase.SHUTDOWN);
	}

	@Test
	void shouldNameEveryMachineThatCannotReceiveIt() {
		SoftwarePackage pkg = linuxPackage(false);
		Machine windows = this.machines
			.register(new MachineDraft(unique("win"), "192.0.2.61", List.of(), OsFamily.WINDOWS, Channel.AGENTLESS_SSH,
					22, "admin", agentlessLinux().credentialId(), List.of(), null, null));
		Machine agent = this.machines.register(new MachineDraft(unique("pc"), "192.0.2.62", List.of(), OsFamily.LINUX,
				Channel.OCS_AGENT, null, null, null, List.of(), null, null));
		Machine noKey = this.machines.register(new MachineDraft(unique("nokey"), "192.0.2.64", List.of(),
				OsFamily.LINUX, Channel.AGENTLESS_SSH, 22, "admin", null, List.of(), null, null));

		assertThatThrownBy(() -> this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(windows.id(), agent.id(), noKey.id()), null), "admin"))
			.isInstanceOfSatisfying(InvalidDeploymentTargetException.class,
					(ex) -> assertThat(ex.problems()).hasSize(2)
						.anySatisfy((problem) -> assertThat(problem).contains(windows.name()).contains("WINDOWS"))
						.anySatisfy((problem) -> assertThat(problem).contains(noKey.name()).contains("SSH credential"))
						.noneSatisfy((problem) -> assertThat(problem).contains(agent.name())));
	}

	@Test
	void shouldShowAMachineWaitingForApprovalUntilSomeoneCompletesTheTask() {
		Machine machine = agentlessLinux();
		Deployment deployment = this.deployments
			.create(new DeploymentRequest(linuxPackage(false).id(), List.of(machine.id()), null), "admin");

		this.progress.waitingForPerson(deployment.id(), machine.name(), "Approve the deployment", Instant.now());

		DeploymentTarget waiting = this.deployments.get(deployment.id()).targets().get(0);
		assertThat(waiting.state()).isEqualTo(TargetState.WAITING_FOR_APPROVAL);
		assertThat(waiting.detail()).isEqualTo("waiting for approval: Approve the deployment");

		this.progress.personActed(deployment.id(), machine.name(), "Approve the deployment", "dana", Instant.now());

		assertThat(this.deployments.get(deployment.id()).targets().get(0).state()).isEqualTo(TargetState.SCHEDULED);
		assertThat(this.deployments.log(deployment.id(), machine.id())).extracting(LogLine::text)
			.containsExactly("waiting for approval: Approve the deployment (a task in Tasklist)",
					"Approve the deployment: completed by dana");
	}

	@Test
	void shouldKeepEachMachinesLogAndRefuseDeletingADeployedPackage() {
		SoftwarePackage pkg = linuxPackage(false);
		Machine machine = agentlessLinux();
		Deployment deployment = this.deployments.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), null),
				"admin");
		this.progress.appendLog(deployment.id(), machine.name(),
				new LogLine(Instant.now(), DeploymentPhase.EXECUTE, LogLine.Kind.COMMAND, "./install.sh --quiet"));
		this.progress.appendLog(deployment.id(), machine.name(),
				new LogLine(Instant.now(), DeploymentPhase.EXECUTE, LogLine.Kind.OUT, "installed"));

		assertThat(this.deployments.log(deployment.id(), machine.id())).extracting(LogLine::kind, LogLine::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LogLine.Kind.COMMAND, "./install.sh --quiet"),
					org.assertj.core.groups.Tuple.tuple(LogLine.Kind.OUT, "installed"));
		assertThatThrownBy(() -> this.packages.delete(pkg.id())).isInstanceOf(PackageInUseException.class);
		assertThat(this.packages.get(pkg.id())).isNotNull();
	}

	@Test
	void shouldRecordABundleAsOneDeploymentPerPackageUnderIt() {
		SoftwarePackage second = linuxPackage(false);
		SoftwarePackage first = linuxPackage(false);
		Machine machine = agentlessLinux();

		Deployment bundle = this.deployments.create(new DeploymentRequest(null, List.of(machine.id()),
				DeploymentOptions.defaults(), List.of(new BundleItem(second.id(), 2), new BundleItem(first.id(), 1))),
				"admin");

		assertThat(bundle.packageId()).isNull();
		assertThat(bundle.label()).startsWith("Bundle: " + first.label());
		assertThat(bundle.bundle()).extracting(BundlePart::packageId, BundlePart::level)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), 1),
					org.assertj.core.groups.Tuple.tuple(second.id(), 2));
		assertThat(bundle.targets()).extracting(DeploymentTarget::machineId).containsExactly(machine.id());
		Deployment part = this.deployments.get(bundle.bundle().get(0).deploymentId());
		assertThat(part.targets().get(0).phases()).containsKeys(DeploymentPhase.TRANSFER, DeploymentPhase.EXECUTE);
		assertThat(this.deployments.topOf(part.id())).isEqualTo(bundle.id());
		assertThat(this.deployments.nextBundleLevel(bundle.id(), machine.name())).contains(1);
		assertThat(this.deployments.bundleDeploymentsAt(bundle.id(), 2))
			.containsExactly(bundle.bundle().get(1).deploymentId());
	}

	@Test
	void shouldRefuseAPackageAndABundleTogether() {
		SoftwarePackage pkg = linuxPackage(false);
		Machine machine = agentlessLinux();

		assertThatThrownBy(() -> this.deployments.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), null,
				List.of(new BundleItem(pkg.id(), 1), new BundleItem(pkg.id(), 2))), "admin"))
			.isInstanceOf(jakarta.validation.ConstraintViolationException.class)
			.hasMessageContaining("packageId");
		assertThatThrownBy(() -> this.deployments.create(
				new DeploymentRequest(null, List.of(machine.id()), null, List.of(new BundleItem(pkg.id(), 1))),
				"admin"))
			.hasMessageContaining("at least two packages");
	}

	@Test
	void shouldRefusePushPullForAgentlessMachines() {
		SoftwarePackage pkg = linuxPackage(false);
		Machine machine = agentlessLinux();
		DeploymentOptions pushPull = DeploymentOptions.builder().transferMode(TransferMode.PUSH_PULL).build();

		assertThatThrownBy(() -> this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), pushPull), "admin"))
			.isInstanceOfSatisfying(InvalidDeploymentOptionException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("transferMode"))
			.hasMessageContaining("teledeployment");
	}

}
