package parc.routes.agentless;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.agentlessadapter.testsupport.TestKeys;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.AgentlessSettings;
import parc.orchestrator.agentless.AgentlessSettingsService;
import parc.orchestrator.agentless.CommandLine;
import parc.orchestrator.agentless.InventoryCollection;
import parc.orchestrator.agentless.ProbeStatus;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.credential.Credential;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.orchestrator.filepull.FilePull;
import parc.orchestrator.filepull.FilePullNotFoundException;
import parc.orchestrator.filepull.FilePullService;
import parc.orchestrator.hostkey.HostKey;
import parc.orchestrator.hostkey.HostKeyService;
import parc.orchestrator.hostkey.HostKeyTrust;
import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventorySource;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.quickaction.QuickActionRequest;
import parc.orchestrator.quickaction.QuickActionResult;
import parc.orchestrator.quickaction.QuickActionRun;
import parc.orchestrator.quickaction.QuickActionService;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The agentless port end to end on a real OpenSSH server: a stored key, a probe, a
 * background collection filed as the machine's inventory, and a changed host key refused
 * until accepted.
 */
@PostgresBackedTest
class AgentlessRoutesIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@Autowired
	CredentialService credentials;

	@Autowired
	MachineService machines;

	@Autowired
	AgentlessService agentless;

	@Autowired
	InventoryService inventories;

	@Autowired
	HostKeyService hostKeys;

	@Autowired
	QuickActionService quickActions;

	@Autowired
	AgentlessSettingsService agentlessSettings;

	@Autowired
	FilePullService filePulls;

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Machine machineWithKey() throws Exception {
		Credential key = this.credentials.create(new CredentialDraft(unique("test-key"), CredentialType.SSH_KEY,
				sshd.server().user(), sshd.server().clientKey(), null, null));
		assertThat(key.fingerprint()).isEqualTo(sshd.server().clientKeyFingerprint());
		return this.machines.register(new MachineDraft(unique("sshd"), "127.0.0.1", List.of(), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, sshd.server().port(), null, key.id(), List.of(), null, null));
	}

	@Test
	void shouldProbeGreenThenFileACollectedInventory() throws Exception {
		Machine machine = machineWithKey();

		ProbeStatus probe = this.agentless.probe(machine.id());
		assertThat(probe.light()).isEqualTo(StatusLight.GREEN);
		assertThat(probe.banner()).startsWith("SSH-2.0-OpenSSH");

		InventoryCollection collection = this.agentless.requestInventory(machine.id(), "admin");
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.agentless.collection(collection.id())
				.orElseThrow()
				.state() != InventoryCollection.State.RUNNING);
		assertThat(this.agentless.collection(collection.id()).orElseThrow().state())
			.as(() -> this.agentless.collection(collection.id()).orElseThrow().error())
			.isEqualTo(InventoryCollection.State.DONE);

		var current = this.inventories.current(machine.id()).orElseThrow();
		assertThat(current.source()).isEqualTo(InventorySource.AGENTLESS_SSH);
		InventoryDocument document = current.document();
		assertThat(document.hardwareField("name")).isEqualTo(run("hostname"));
		assertThat(document.software()).isNotEmpty()
			.anySatisfy((row) -> assertThat(row.get("name")).isEqualTo("openssh-server"));
		assertThat(document.networks()).anySatisfy((row) -> {
			assertThat(row.get("ipaddress")).isEqualTo("127.0.0.1");
			assertThat(row.get("ipmask")).isEqualTo("255.0.0.0");
		});
		HostKey recorded = this.hostKeys.find("127.0.0.1", sshd.server().port()).orElseThrow();
		assertThat(recorded.fingerprint()).isEqualTo(sshd.server().hostKeyFingerprint());
	}

	@Test
	void shouldRefuseAChangedHostKeyUntilItIsAccepted() throws Exception {
		Machine machine = machineWithKey();
		this.hostKeys.find("127.0.0.1", sshd.server().port())
			.ifPresent((key) -> this.hostKeys.forget("127.0.0.1", sshd.server().port()));
		// As if the machine had been reinstalled since Parc first saw it.
		this.hostKeys.recordFirstContact("127.0.0.1", sshd.server().port(), "ssh-ed25519",
				"SHA256:formerKeyOfThisMachine", true);

		InventoryCollection refused = this.agentless.requestInventory(machine.id(), "admin");
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.agentless.collection(refused.id())
				.orElseThrow()
				.state() == InventoryCollection.State.FAILED);
		assertThat(this.agentless.collection(refused.id()).orElseThrow().error()).contains("host key changed")
			.contains("SHA256:formerKeyOfThisMachine")
			.contains(sshd.server().hostKeyFingerprint());
		HostKey changed = this.hostKeys.find("127.0.0.1", sshd.server().port()).orElseThrow();
		assertThat(changed.presentedFingerprint()).isEqualTo(sshd.server().hostKeyFingerprint());

		this.hostKeys.acceptPresentedKey("127.0.0.1", sshd.server().port(), sshd.server().hostKeyFingerprint(),
				"admin");
		InventoryCollection accepted = this.agentless.requestInventory(machine.id(), "admin");
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.agentless.collection(accepted.id())
				.orElseThrow()
				.state() != InventoryCollection.State.RUNNING);
		assertThat(this.agentless.collection(accepted.id()).orElseThrow().state())
			.isEqualTo(InventoryCollection.State.DONE);
	}

	@Test
	void shouldWaitForApprovalWhenTheSettingsSaySo() throws Exception {
		Machine machine = machineWithKey();
		this.hostKeys.find("127.0.0.1", sshd.server().port())
			.ifPresent((key) -> this.hostKeys.forget("127.0.0.1", sshd.server().port()));
		AgentlessSettings before = this.agentlessSettings.settings();
		this.agentlessSettings.update(new AgentlessSettings(HostKeyTrust.REQUIRE_APPROVAL,
				before.wakeBroadcastAddress(), before.wakePort(), before.wakeRepeats(), before.probeTimeoutMillis(),
				before.inventoryTimeLimitSeconds(), before.filePullFolder(), before.filePullMaxBytes()));
		try {
			InventoryCollection pending = this.agentless.requestInventory(machine.id(), "admin");
			await().atMost(Duration.ofMinutes(1))
				.until(() -> this.agentless.collection(pending.id())
					.orElseThrow()
					.state() != InventoryCollection.State.RUNNING);
			assertThat(this.agentless.collection(pending.id()).orElseThrow().state())
				.isEqualTo(InventoryCollection.State.FAILED);
			HostKey waiting = this.hostKeys.find("127.0.0.1", sshd.server().port()).orElseThrow();
			assertThat(waiting.trusted()).isFalse();
			assertThat(waiting.fingerprint()).isEqualTo(sshd.server().hostKeyFingerprint());
			assertThat(this.agentless.collections(machine.id(), 1).get(0).error()).contains("approval");

			this.hostKeys.approve("127.0.0.1", sshd.server().port(), sshd.server().hostKeyFingerprint(), "admin");
			InventoryCollection approved = this.agentless.requestInventory(machine.id(), "admin");
			await().atMost(Duration.ofMinutes(1))
				.until(() -> this.agentless.collection(approved.id())
					.orElseThrow()
					.state() != InventoryCollection.State.RUNNING);
			assertThat(this.agentless.collection(approved.id()).orElseThrow().state())
				.isEqualTo(InventoryCollection.State.DONE);
		}
		finally {
			this.agentlessSettings.update(before);
		}
	}

	@Test
	void shouldRunQuickActionsAndPassHostileArgumentsAsData() throws Exception {
		Machine machine = machineWithKey();
		List<String> hostile = List.of("a; touch pwned1", "$(touch pwned2)", "`touch pwned3`", "it's \"quoted\"",
				"| touch pwned4 &", "*");

		QuickActionRun free = this.quickActions.start(new QuickActionRequest(null,
				"for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done; echo warning >&2", hostile, List.of(machine.id())),
				"admin");
		QuickActionResult result = awaitResult(free.id());
		assertThat(result.state()).isEqualTo(QuickActionResult.State.DONE);
		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).filteredOn((line) -> line.stream() == CommandLine.Stream.OUT)
			.extracting(CommandLine::text)
			.containsExactlyElementsOf(hostile.stream().map((argument) -> "[" + argument + "]").toList());
		assertThat(result.lines()).filteredOn((line) -> line.stream() == CommandLine.Stream.ERR)
			.extracting(CommandLine::text)
			.containsExactly("warning");
		assertThat(sshd.server().home().toFile().list()).noneMatch((name) -> name.startsWith("pwned"));

		QuickActionRun slow = this.quickActions.start(
				new QuickActionRequest(null, "echo first; sleep 4; echo second", List.of(), List.of(machine.id())),
				"admin");
		// While it runs, its page already has what it printed.
		await().atMost(Duration.ofSeconds(3))
			.until(() -> this.quickActions.run(slow.id())
				.orElseThrow()
				.results()
				.get(0)
				.lines()
				.stream()
				.anyMatch((line) -> line.text().equals("first")));
		assertThat(this.quickActions.run(slow.id()).orElseThrow().running()).isTrue();
		assertThat(awaitResult(slow.id()).lines()).extracting(CommandLine::text).containsExactly("first", "second");

		QuickActionRun disk = this.quickActions
			.start(new QuickActionRequest("disk-usage", null, List.of(), List.of(machine.id())), "admin");
		assertThat(awaitResult(disk.id()).lines())
			.anySatisfy((line) -> assertThat(line.text()).startsWith("Filesystem"));
	}

	@Test
	void shouldPullTheFirstDiagnosticFileFromAFolderWithShellMetacharacters() throws Exception {
		Machine machine = machineWithKey();
		String folder = "diag; touch pwned5 $(touch pwned6)";
		sshd.server().writeAsUser(folder + "/b-later.txt", "later".getBytes(StandardCharsets.UTF_8));
		sshd.server().writeAsUser(folder + "/a-report.log", "diagnostic report".getBytes(StandardCharsets.UTF_8));
		this.filePulls.setFolder(machine.id(), folder);

		FilePull pull = this.filePulls.start(machine.id(), "admin");
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.filePulls.get(pull.id()).state() != FilePull.State.IN_PROGRESS);

		FilePull ready = this.filePulls.get(pull.id());
		assertThat(ready.state()).as(ready.error()).isEqualTo(FilePull.State.READY);
		assertThat(ready.fileName()).isEqualTo("a-report.log");
		assertThat(ready.sizeBytes()).isEqualTo(17);
		assertThat(this.filePulls.content(pull.id())).hasContent("diagnostic report");
		assertThat(sshd.server().home().toFile().list()).noneMatch((name) -> name.startsWith("pwned"));

		this.filePulls.delete(pull.id());
		assertThatThrownBy(() -> this.filePulls.get(pull.id())).isInstanceOf(FilePullNotFoundException.class);
	}

	private QuickActionResult awaitResult(long runId) {
		await().atMost(Duration.ofMinutes(1)).until(() -> !this.quickActions.run(runId).orElseThrow().running());
		return this.quickActions.run(runId).orElseThrow().results().get(0);
	}

	@Test
	void shouldRefuseAKeyWhosePassphraseIsWrong() throws Exception {
		String protectedKey = TestKeys.openSshText(TestKeys.ed25519(), "right passphrase");
		assertThatThrownBy(() -> this.credentials.create(new CredentialDraft(unique("locked"), CredentialType.SSH_KEY,
				"root", protectedKey, "wrong passphrase", null)))
			.isInstanceOfSatisfying(InvalidCredentialException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("passphrase"));
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		process.waitFor();
		return output;
	}

}
