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
class DeploymentTransferIT {

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

	@Test
	void shouldSendThePackageFilesThroughTheTransferPhase() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		long credential = this.credentials
			.create(new CredentialDraft("transfer key " + suffix, CredentialType.SSH_KEY, sshd.server().user(),
					sshd.server().clientKey(), null, null))
			.id();
		Machine machine = this.machines.register(new MachineDraft("transfer-" + suffix, "127.0.0.1", List.of(),
				OsFamily.LINUX, Channel.AGENTLESS_SSH, sshd.server().port(), null, credential, List.of(), null, null));
		byte[] blob = new byte[1024 * 1024];
		new Random(6).nextBytes(blob);
		SoftwarePackage pkg = this.packages.createFromFiles(
				new PackageDraft("marker " + suffix, "1", null, "./install.sh", OsFamily.LINUX, false, null), List.of(
						new IncomingFile("install.sh",
								() -> new ByteArrayInputStream(
										"#!/bin/sh\necho \"$@\" > marker\n".getBytes(StandardCharsets.UTF_8))),
						new IncomingFile("blob.bin", () -> new ByteArrayInputStream(blob))),
				"admin");
		Deployment deployment = this.deployments.create(new DeploymentRequest(pkg.id(), List.of(machine.id()), null),
				"admin");

		ProcessInstance instance = this.runtime.startProcessInstanceByKey("transfer-package",
				Map.of("deploymentId", deployment.id(), "machineName", machine.name(), "machineId", machine.id()));

		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.history.createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getId())
				.finished()
				.count() == 1);
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("EndEvent_FilesSent")
			.count()).isEqualTo(1);
		assertThat(this.deployments.get(deployment.id()).targets().get(0).phases())
			.containsEntry(DeploymentPhase.TRANSFER, PhaseStatus.DONE);
		var folder = sshd.server().home().resolve(".parc/work/deployment-" + deployment.id());
		assertThat(folder.resolve("blob.bin")).hasBinaryContent(blob);
		assertThat(Files.readString(folder.resolve("install.sh"))).contains("marker");
		assertThat(this.deployments.log(deployment.id(), machine.id())).extracting(LogLine::kind)
			.contains(LogLine.Kind.COMMAND, LogLine.Kind.OUT, LogLine.Kind.INFO);
		assertThat(this.deployments.log(deployment.id(), machine.id())).extracting(LogLine::text)
			.anySatisfy((text) -> assertThat(text).contains("2 file(s) verified on the target"));
	}

}
