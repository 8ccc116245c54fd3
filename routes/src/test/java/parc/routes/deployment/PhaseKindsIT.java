package parc.routes.deployment;

import java.io.ByteArrayInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import parc.agentlessadapter.testsupport.MisbehavingSshServer;
import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of phase work on a machine, through {@link MachinePhaseWork} as Parc's
 * workers call it: on a real OpenSSH server for what goes right, on a machine that does
 * not answer, and on an in-process server that drops the connection in the middle of a
 * transfer. (Shutting down is not run here: the test server is this machine.)
 */
@PostgresBackedTest
class PhaseKindsIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@Autowired
	MachinePhaseWork work;

	@Autowired
	CredentialService credentials;

	@Autowired
	MachineService machines;

	@Autowired
	PackageService packages;

	@Autowired
	DeploymentService deployments;

	@Autowired
	AgentlessSettingsService agentlessSettings;

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Machine sshdMachine(List<String> macs) {
		Credential key = this.credentials.create(new CredentialDraft(unique("key"), CredentialType.SSH_KEY,
				sshd.server().user(), sshd.server().clientKey(), null, null));
		return this.machines.register(new MachineDraft(unique("sshd"), "127.0.0.1", macs, OsFamily.LINUX,
				Channel.AGENTLESS_SSH, sshd.server().port(), null, key.id(), List.of(), null, null));
	}

	/** Port 1 on the loopback: nothing listens, the connection is refused. */
	private Machine deadMachine(List<String> macs) {
		Credential key = this.credentials.create(new CredentialDraft(unique("key"), CredentialType.SSH_KEY,
				sshd.server().user(), sshd.server().clientKey(), null, null));
		return this.machines.register(new MachineDraft(unique("dead"), "127.0.0.1", macs, OsFamily.LINUX,
				Channel.AGENTLESS_SSH, 1, null, key.id(), List.of(), null, null));
	}

	private Deployment deploy(Machine machine, String script, byte[] extra, DeploymentOptions options) {
		List<IncomingFile> files = new java.util.ArrayList<>(
				List.of(new IncomingFile("install.sh", () -> new ByteArrayInputStream(script.getBytes()))));
		if (extra != null) {
			files.add(new IncomingFile("payload.bin", () -> new ByteArrayInputStream(extra)));
		}
		long pkg = this.packages
			.createFromFiles(new PackageDraft(unique("pkg"), "1", null, "sh ./install.sh", OsFamily.LINUX, false, null),
					files, "admin")
			.id();
		return this.deployments.create(new DeploymentRequest(pkg, List.of(machine.id()), options), "admin");
	}

	private static PhaseTask task(Deployment deployment, DeploymentPhase phase, Instant wakeUntil) {
		var target = deployment.targets().get(0);
		return new PhaseTask("task-" + UUID.randomUUID(), "test-worker", new PhaseWork("run-" + UUID.randomUUID(),
				deployment.id(), target.machineName(), target.machineId(), phase, null, 1), null, wakeUntil);
	}

	private List<String> log(Deployment deployment) {
		return this.deployments.log(deployment.id(), deployment.targets().get(0).machineId())
			.stream()
			.map(LogLine::text)
			.toList();
	}

	private static Path folderOn(Path home, Deployment deployment) {
		return home.resolve(".parc/work/deployment-" + deployment.id());
	}

	@Test
	void shouldSendRunAndDeleteOnARealServerWithParametersAsData() throws Exception {
		Deployment deployment = deploy(sshdMachine(List.of()), "printf '%s\\n' \"$@\"; exit 0\n", null,
				DeploymentOptions.builder()
					.wol(WakeOnLanMode.NEVER)
					.parameters(List.of("a b", "; touch pwned", "$(id)"))
					.build());
		Path folder = folderOn(sshd.server().home(), deployment);

		assertThat(this.work.run(task(deployment, DeploymentPhase.TRANSFER, null))).isEqualTo(PhaseResult.done());
		assertThat(folder.resolve("install.sh")).exists();
		assertThat(log(deployment)).anySatisfy((line) -> assertThat(line).contains("verified on the target"));

		assertThat(this.work.run(task(deployment, DeploymentPhase.EXECUTE, null))).isEqualTo(PhaseResult.done());
		assertThat(log(deployment)).as("each parameter one argument, nothing run from it")
			.contains("a b", "; touch pwned", "$(id)", "exit code 0");
		assertThat(folder.resolve("pwned")).doesNotExist();

		assertThat(this.work.run(task(deployment, DeploymentPhase.DELETE, null))).isEqualTo(PhaseResult.done());
		assertThat(folder).doesNotExist();
	}

	@Test
	void shouldFailTheAttemptWhenTheCommandExitsNonZero() {
		Deployment deployment = deploy(sshdMachine(List.of()), "echo broken >&2; exit 3\n", null,
				DeploymentOptions.defaults());
		this.work.run(task(deployment, DeploymentPhase.TRANSFER, null));

		PhaseResult result = this.work.run(task(deployment, DeploymentPhase.EXECUTE, null));

		assertThat(result).isEqualTo(PhaseResult.of(PhaseOutcome.FAILED, "exit status 3"));
		assertThat(log(deployment)).contains("broken", "exit code 3");
	}

	@Test
	void shouldSayUnreachableWhenNothingAnswers() {
		Deployment deployment = deploy(deadMachine(List.of()), "exit 0\n", null, DeploymentOptions.defaults());

		PhaseResult result = this.work.run(task(deployment, DeploymentPhase.TRANSFER, null));

		assertThat(result.outcome()).isEqualTo(PhaseOutcome.UNREACHABLE);
		assertThat(result.detail()).isNotBlank();
		assertThat(log(deployment)).contains(result.detail());
	}

	@Test
	void shouldFailTheTransferWhenTheConnectionDropsInTheMiddle(@TempDir Path root) throws Exception {
		try (MisbehavingSshServer server = MisbehavingSshServer.start(root, true)) {
			Credential key = this.credentials.create(new CredentialDraft(unique("key"), CredentialType.SSH_KEY,
					"tester", server.clientKeyText(), null, null));
			Machine machine = this.machines.register(new MachineDraft(unique("dropper"), "127.0.0.1", List.of(),
					OsFamily.LINUX, Channel.AGENTLESS_SSH, server.port(), null, key.id(), List.of(), null, null));
			Deployment deployment = deploy(machine, "exit 0\n", new byte[1024 * 1024], DeploymentOptions.defaults());
			server.dropConnectionAfterWriting(256 * 1024);

			PhaseResult result = this.work.run(task(deployment, DeploymentPhase.TRANSFER, null));

			assertThat(result.outcome()).isIn(PhaseOutcome.FAILED, PhaseOutcome.UNREACHABLE);
			assertThat(result.outcome()).as("it connected: the transfer failed, not the connection")
				.isEqualTo(PhaseOutcome.FAILED);
			assertThat(log(deployment)).doesNotContain("verified on the target");
		}
	}

	@Test
	void shouldNotWakeAMachineThatAnswersAndRefuseOneWithoutAMacAddress() {
		Deployment answering = deploy(sshdMachine(List.of("52:54:00:aa:bb:01")), "exit 0\n", null,
				DeploymentOptions.builder().wol(WakeOnLanMode.IF_UNREACHABLE).build());
		assertThat(this.work.run(task(answering, DeploymentPhase.WOL, null))).isEqualTo(PhaseResult.done());
		assertThat(log(answering)).contains("the machine answers over SSH: no Wake-on-LAN needed");

		Deployment noMac = deploy(deadMachine(List.of()), "exit 0\n", null,
				DeploymentOptions.builder().wol(WakeOnLanMode.BEFORE_TRANSFER).build());
		assertThat(this.work.run(task(noMac, DeploymentPhase.WOL, null)))
			.isEqualTo(PhaseResult.of(PhaseOutcome.FAILED, "no MAC address to wake the machine with"));
	}

	/** Wake-on-LAN packets go to a socket of the test's on the loopback, never out. */
	@Test
	void shouldWakeThenLookAgainLaterUntilTheMachineAnswersOrTimeRunsOut() throws Exception {
		AgentlessSettings before = this.agentlessSettings.settings();
		try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			listener.setSoTimeout(10_000);
			this.agentlessSettings.update(new AgentlessSettings(before.hostKeyTrust(), "127.0.0.1",
					listener.getLocalPort(), 1, before.probeTimeoutMillis(), before.inventoryTimeLimitSeconds(),
					before.filePullFolder(), before.filePullMaxBytes()));
			wakeThenLookAgain(listener);
		}
		finally {
			this.agentlessSettings.update(before);
		}
	}

	private void wakeThenLookAgain(DatagramSocket listener) throws Exception {
		Deployment deployment = deploy(deadMachine(List.of("52:54:00:aa:bb:02")), "exit 0\n", null,
				DeploymentOptions.builder().wol(WakeOnLanMode.BEFORE_TRANSFER).build());
		Instant before = Instant.now();

		PhaseResult woken = this.work.run(task(deployment, DeploymentPhase.WOL, null));

		assertThat(woken.outcome()).isEqualTo(PhaseOutcome.WAITING);
		assertThat(woken.checkAt()).isBetween(before.plus(WakeWork.CHECK_EVERY),
				Instant.now().plus(WakeWork.CHECK_EVERY));
		assertThat(woken.wakeUntil()).isBetween(before.plus(WakeWork.WAKE_WAIT),
				Instant.now().plus(WakeWork.WAKE_WAIT));
		assertThat(log(deployment)).anySatisfy((line) -> assertThat(line).startsWith("wake-on-lan 52:54:00:AA:BB:02"));
		DatagramPacket packet = new DatagramPacket(new byte[512], 512);
		listener.receive(packet);
		assertThat(packet.getLength()).as("a magic packet").isEqualTo(102);

		PhaseResult stillDown = this.work.run(task(deployment, DeploymentPhase.WOL, woken.wakeUntil()));
		assertThat(stillDown.outcome()).as("no second packet, another look later").isEqualTo(PhaseOutcome.WAITING);
		assertThat(log(deployment)).filteredOn((line) -> line.startsWith("wake-on-lan")).hasSize(1);

		PhaseResult givenUp = this.work.run(task(deployment, DeploymentPhase.WOL, Instant.now().minusSeconds(1)));
		assertThat(givenUp.outcome()).isEqualTo(PhaseOutcome.UNREACHABLE);
		assertThat(Duration.between(before, Instant.now())).as("no thread slept on the machine")
			.isLessThan(WakeWork.CHECK_EVERY);
	}

	@Test
	void shouldCollectAndStoreTheInventory() {
		Deployment deployment = deploy(sshdMachine(List.of()), "exit 0\n", null, DeploymentOptions.defaults());

		assertThat(this.work.run(task(deployment, DeploymentPhase.INVENTORY, null))).isEqualTo(PhaseResult.done());
		assertThat(log(deployment)).anySatisfy((line) -> assertThat(line).startsWith("inventory stored"));
	}

}
