package parc.routes.deployment;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.WorkingDirectory;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.routes.agentless.SshTargets;

/** Deletes the deployment's folder on the machine. */
@Component
class DeleteWork implements PhaseKind {

	private final MachineTargets targets;

	private final PhaseSessions sessions;

	private final PhaseLog log;

	DeleteWork(MachineTargets targets, PhaseSessions sessions, PhaseLog log) {
		this.targets = targets;
		this.sessions = sessions;
		this.log = log;
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.DELETE;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		RemoteTarget target = this.targets.of(work);
		WorkingDirectory folder = TransferWork.workingDirectory(work.deploymentId());
		this.log.write(work, LogLine.Kind.COMMAND, "delete ~/" + folder.path());
		try (PhaseSessions.Lease lease = this.sessions.lease(work, SshTargets.of(target))) {
			lease.session().delete(folder);
			lease.keep();
		}
		return PhaseResult.done();
	}

}
