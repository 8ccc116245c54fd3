package parc.app;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import parc.agentlessadapter.testsupport.OpenSshServerExtension;
import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentRequest;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseStatus;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.PackageDraft;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transfer phase end to end with the job executor running: the process hands the work
 * to the routes' queue, the files land on a real sshd with their checksums checked there,
 * the result comes back as a message and the process ends (issue #6, first phase).
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=true", "spring.quartz.auto-startup=false" })
class DeploymentPhasesIT {

	@RegisterExtension
	static final OpenSshServerExtension sshd = new OpenSshServerExtension();

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	DeploymentService deployments;

	@Autowired
	PackageService packages;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	private Machine machine;

	private long credential;

	@org.junit.jupiter.api.BeforeEach
	void agentlessMachine() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		this.credential = this.credentials
			.create(new CredentialDraft("phase key " + suffix, CredentialType.SSH_KEY, sshd.server().user(),
					sshd.server().clientKey(), null, null))
			.id();
		this.machine = this.machines
			.register(new MachineDraft("phases-" + suffix, "127.0.0.1", List.of(), OsFamily.LINUX,
					Channel.AGENTLESS_SSH, sshd.server().port(), null, this.credential, List.of(), null, null));
	}

	@org.junit.jupiter.api.AfterEach
	void removeMachine() {
		this.machines.delete(this.machine.id());
	}

	private SoftwarePackage markerPackage(String script) {
		byte[] blob = new byte[1024 * 1024];
		new Random(6).nextBytes(blob);
		return this.packages.createFromFiles(
				new PackageDraft("marker " + UUID.randomUUID().toString().substring(0, 6), "1", null, "sh ./install.sh",
						OsFamily.LINUX, false, null),
				List.of(new IncomingFile("install.sh",
						() -> new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8))),
						new IncomingFile("blob.bin", () -> new ByteArrayInputStream(blob))),
				"admin");
	}

	/** Runs one phase process to its end and says which end it reached. */
	private String runPhase(String processKey, Deployment deployment) {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(processKey, Map.of("deploymentId",
				deployment.id(), "machineName", this.machine.name(), "machineId", this.machine.id()));
		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.history.createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId())
				.finished()
				.count() == 1);
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityType("noneEndEvent")
			.list()
			.stream()
			.map((activity) -> activity.getActivityId())
			.findFirst()
			.orElse("error end");
	}

	@Test
	void shouldTransferRunWithItsArgumentsAndDelete() throws Exception {
		SoftwarePackage pkg = markerPackage(
				"#!/bin/sh\necho \"installing with $#: $*\"\nprintf '%s|' \"$@\" > ../marker-$(basename $(pwd))\necho warning >&2\n");
		DeploymentOptions options = new DeploymentOptions(List.of("--quiet", "a b", "$(touch pwned)"), null, null, null,
				null, null, null, null, null, null, null, null, null, null);
		Deployment deployment = this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(this.machine.id()), options), "admin");
		var folder = sshd.server().home().resolve(".parc/work/deployment-" + deployment.id());

		assertThat(runPhase("wake-machine", deployment)).isEqualTo("EndEvent_MachineAwake");
		assertThat(runPhase("transfer-package", deployment)).isEqualTo("EndEvent_FilesSent");
		assertThat(folder.resolve("install.sh")).exists();
		assertThat(runPhase("run-install-command", deployment)).isEqualTo("EndEvent_CommandSucceeded");
		assertThat(sshd.server().home().resolve(".parc/work/marker-deployment-" + deployment.id()))
			.hasContent("--quiet|a b|$(touch pwned)|");
		assertThat(runPhase("delete-package-files", deployment)).isEqualTo("EndEvent_FilesDeleted");
		assertThat(folder).doesNotExist();

		assertThat(this.deployments.get(deployment.id()).targets().get(0).phases())
			.containsEntry(DeploymentPhase.TRANSFER, PhaseStatus.DONE)
			.containsEntry(DeploymentPhase.EXECUTE, PhaseStatus.DONE)
			.containsEntry(DeploymentPhase.DELETE, PhaseStatus.DONE);
		List<LogLine> log = this.deployments.log(deployment.id(), this.machine.id());
		assertThat(log).extracting(LogLine::text)
			.contains("the machine answers over SSH: no Wake-on-LAN needed",
					"sh ./install.sh --quiet a b $(touch pwned)", "installing with 3: --quiet a b $(touch pwned)",
					"warning", "exit code 0", "delete ~/.parc/work/deployment-" + deployment.id())
			.anySatisfy((text) -> assertThat(text).contains("2 file(s) verified on the target"));
		assertThat(log).filteredOn((line) -> line.text().equals("warning"))
			.extracting(LogLine::kind)
			.containsExactly(LogLine.Kind.ERR);
		assertThat(sshd.server().home().resolve(".parc/work/deployment-" + deployment.id() + "/pwned")).doesNotExist();
	}

	@Test
	void shouldFailDuringExecuteWhenTheScriptExitsThree() throws Exception {
		SoftwarePackage pkg = markerPackage("#!/bin/sh\necho broken >&2\nexit 3\n");
		DeploymentOptions oneAttempt = new DeploymentOptions(null, null, null, null, null, null, null, null, null, 1,
				null, null, null, null);
		Deployment deployment = this.deployments
			.create(new DeploymentRequest(pkg.id(), List.of(this.machine.id()), oneAttempt), "admin");

		assertThat(runPhase("transfer-package", deployment)).isEqualTo("EndEvent_FilesSent");
		assertThat(runPhase("run-install-command", deployment)).isEqualTo("error end");

		var target = this.deployments.get(deployment.id()).targets().get(0);
		assertThat(target.state()).isEqualTo(parc.orchestrator.deployment.TargetState.FAILED);
		assertThat(target.failedPhase()).isEqualTo(DeploymentPhase.EXECUTE);
		assertThat(target.detail()).isEqualTo("failed during execute: exit status 3");
		assertThat(this.deployments.log(deployment.id(), this.machine.id())).extracting(LogLine::text)
			.contains("broken", "exit code 3");
	}

}
