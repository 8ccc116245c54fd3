package parc.routes.deployment;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.PushReport;
import parc.agentlessadapter.ssh.PushRequest;
import parc.agentlessadapter.ssh.PushedFile;
import parc.agentlessadapter.ssh.WorkingDirectory;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.routes.agentless.SshTargets;

/**
 * Sends the package's files into the deployment's folder on the machine, each verified by
 * its checksum there, at the deployment's bandwidth limit.
 */
@Component
class TransferWork implements PhaseKind {

	private final DeploymentService deployments;

	private final PackageService packages;

	private final MachineTargets targets;

	private final PhaseSessions sessions;

	private final PhaseLog log;

	TransferWork(DeploymentService deployments, PackageService packages, MachineTargets targets, PhaseSessions sessions,
			PhaseLog log) {
		this.deployments = deployments;
		this.packages = packages;
		this.targets = targets;
		this.sessions = sessions;
		this.log = log;
	}

	/** The folder on the target a deployment's files go to. */
	static WorkingDirectory workingDirectory(long deploymentId) {
		return WorkingDirectory.forJob("deployment-" + deploymentId);
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.TRANSFER;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		Deployment deployment = this.deployments.header(work.deploymentId());
		SoftwarePackage pkg = this.packages.get(deployment.packageId());
		Path folder = this.packages.folderOf(pkg.id());
		WorkingDirectory destination = workingDirectory(work.deploymentId());
		RemoteTarget target = this.targets.of(work);
		this.log.write(work, LogLine.Kind.COMMAND,
				"push " + deployment.label() + " to " + target + ":~/" + destination.path());
		try (PhaseSessions.Lease lease = this.sessions.lease(work, SshTargets.of(target))) {
			PushReport report = lease.session()
				.push(new PushRequest(folder, destination, deployment.options().maxBytesPerSecond(),
						pkg.commandFile().map(Set::of).orElse(Set.of())));
			for (PushedFile file : report.files()) {
				this.log.write(work, LogLine.Kind.OUT, file.relativePath() + " " + file.size() + " bytes sha256 "
						+ file.sha256() + " " + file.transfer());
			}
			this.log.write(work, LogLine.Kind.INFO,
					report.files().size() + " file(s) verified on the target, " + report.bytesSent()
							+ " bytes sent over " + report.protocol() + " in " + report.elapsed().toMillis() + " ms");
			lease.keep();
		}
		return PhaseResult.done();
	}

}
