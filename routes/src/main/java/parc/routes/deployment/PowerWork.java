package parc.routes.deployment;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputLine;
import parc.agentlessadapter.ssh.PowerAction;
import parc.agentlessadapter.ssh.RemoteSession;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.routes.agentless.SshTargets;

/**
 * Shuts the machine down when the deployment asks for it, otherwise restarts it (the
 * package needs a reboot). A connection dropped by the machine going down is success.
 */
@Component
class PowerWork implements PhaseKind {

	private final DeploymentService deployments;

	private final MachineTargets targets;

	private final PhaseSessions sessions;

	private final PhaseLog log;

	PowerWork(DeploymentService deployments, MachineTargets targets, PhaseSessions sessions, PhaseLog log) {
		this.deployments = deployments;
		this.targets = targets;
		this.sessions = sessions;
		this.log = log;
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.SHUTDOWN;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		boolean shutdown = this.deployments.header(work.deploymentId()).options().shutdownAfter();
		PowerAction action = shutdown ? PowerAction.SHUTDOWN : PowerAction.REBOOT;
		RemoteTarget target = this.targets.of(work);
		try (PhaseSessions.Lease lease = this.sessions.lease(work, SshTargets.of(target))) {
			RemoteSession session = lease.session();
			this.log.write(work, LogLine.Kind.COMMAND, action.script(session.target().system()));
			CommandResult result = session.power(action);
			for (OutputLine line : result.lines()) {
				this.log.output(work, line);
			}
			if (result.exitCode() != null && result.exitCode() != 0) {
				return PhaseResult.of(PhaseOutcome.FAILED, "exit status " + result.exitCode());
			}
		}
		this.log.write(work, LogLine.Kind.INFO, shutdown ? "shutdown sent" : "restart sent");
		return PhaseResult.done();
	}

}
