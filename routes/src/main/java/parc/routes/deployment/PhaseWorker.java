package parc.routes.deployment;

import java.nio.file.Path;
import java.time.Instant;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.PushReport;
import parc.agentlessadapter.ssh.PushRequest;
import parc.agentlessadapter.ssh.PushedFile;
import parc.agentlessadapter.ssh.RemoteSession;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshException;
import parc.agentlessadapter.ssh.SshStep;
import parc.agentlessadapter.ssh.WorkingDirectory;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResultService;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.pkg.PackageService;

/**
 * Does one phase attempt on one machine with the SSH adapter, logs what it did, and
 * reports the outcome. Issue #6 in progress: the transfer phase is built; the others
 * report FAILED saying so.
 */
@Component
class PhaseWorker {

	private final DeploymentService deployments;

	private final PackageService packages;

	private final MachineService machines;

	private final AgentlessService agentless;

	private final SshConnector connector;

	private final PhaseResultService results;

	PhaseWorker(DeploymentService deployments, PackageService packages, MachineService machines,
			AgentlessService agentless, SshConnector connector, PhaseResultService results) {
		this.deployments = deployments;
		this.packages = packages;
		this.machines = machines;
		this.agentless = agentless;
		this.connector = connector;
		this.results = results;
	}

	/** The folder on the target a deployment's files go to. */
	static WorkingDirectory workingDirectory(long deploymentId) {
		return WorkingDirectory.forJob("deployment-" + deploymentId);
	}

	void run(PhaseWork work) {
		PhaseOutcome outcome;
		String detail = null;
		try {
			if (work.phase() != DeploymentPhase.TRANSFER) {
				throw new UnsupportedOperationException("the " + work.phase() + " phase is not built yet (issue #6)");
			}
			transfer(work);
			outcome = PhaseOutcome.DONE;
		}
		catch (SshException ex) {
			outcome = (ex.step() == SshStep.CONNECT) ? PhaseOutcome.UNREACHABLE : PhaseOutcome.FAILED;
			detail = ex.getMessage();
		}
		catch (RuntimeException ex) {
			outcome = PhaseOutcome.FAILED;
			detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		if (detail != null) {
			log(work, LogLine.Kind.ERROR, detail);
		}
		this.results.report(work.runId(), outcome, detail);
	}

	private void transfer(PhaseWork work) {
		Deployment deployment = this.deployments.get(work.deploymentId());
		Path folder = this.packages.folderOf(deployment.packageId());
		WorkingDirectory destination = workingDirectory(work.deploymentId());
		var target = this.agentless.target(this.machines.get(work.machineId()));
		log(work, LogLine.Kind.COMMAND, "push " + deployment.label() + " to " + target + ":~/" + destination.path());
		try (RemoteSession session = this.connector.open(parc.routes.agentless.SshTargets.of(target))) {
			PushReport report = session
				.push(new PushRequest(folder, destination, deployment.options().maxBytesPerSecond()));
			for (PushedFile file : report.files()) {
				log(work, LogLine.Kind.OUT, file.relativePath() + " " + file.size() + " bytes sha256 " + file.sha256()
						+ " " + file.transfer());
			}
			log(work, LogLine.Kind.INFO,
					report.files().size() + " file(s) verified on the target, " + report.bytesSent()
							+ " bytes sent over " + report.protocol() + " in " + report.elapsed().toMillis() + " ms");
		}
	}

	private void log(PhaseWork work, LogLine.Kind kind, String text) {
		this.deployments.appendLog(work.deploymentId(), work.machineName(),
				new LogLine(Instant.now(), work.phase(), kind, text));
	}

}
