package parc.routes.deployment;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputListener;
import parc.agentlessadapter.ssh.RemoteCommand;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.routes.agentless.SshTargets;

/**
 * Runs the package's command in the deployment's folder with the deployment's parameters
 * as data ({@code "$@"}, or PowerShell's {@code @args}, never spliced into the command),
 * killed at the window's end.
 */
@Component
class ExecuteWork implements PhaseKind {

	/** A command that never ends must not hold a worker longer. */
	static final Duration MAX_RUN = Duration.ofHours(2);

	private final DeploymentService deployments;

	private final PackageService packages;

	private final MachineTargets targets;

	private final PhaseSessions sessions;

	private final PhaseLog log;

	ExecuteWork(DeploymentService deployments, PackageService packages, MachineTargets targets, PhaseSessions sessions,
			PhaseLog log) {
		this.deployments = deployments;
		this.packages = packages;
		this.targets = targets;
		this.sessions = sessions;
		this.log = log;
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.EXECUTE;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		Deployment deployment = this.deployments.header(work.deploymentId());
		SoftwarePackage pkg = this.packages.get(deployment.packageId());
		RemoteTarget target = this.targets.of(work);
		String script = pkg.command() + ((target.osFamily() == OsFamily.WINDOWS) ? " @args" : " \"$@\"");
		Duration limit = timeLeft(work, Instant.now());
		RemoteCommand command = new RemoteCommand(script, deployment.options().parameters(),
				TransferWork.workingDirectory(work.deploymentId()).path(), limit, RemoteCommand.DEFAULT_RETAINED_BYTES);
		this.log.write(work, LogLine.Kind.COMMAND,
				(pkg.command() + " " + String.join(" ", deployment.options().parameters())).trim());
		CommandResult result;
		try (PhaseSessions.Lease lease = this.sessions.lease(work, SshTargets.of(target))) {
			result = lease.session().run(command, OutputListener.NONE);
			lease.keep();
		}
		this.log.output(work, result);
		if (result.timedOut()) {
			boolean windowClosed = work.deadline() != null && !Instant.now().isBefore(work.deadline());
			this.log.write(work, LogLine.Kind.ERROR, "killed at its time limit (" + limit.toSeconds() + " s)");
			return windowClosed ? PhaseResult.of(PhaseOutcome.CUT, "cut by the end of the window")
					: PhaseResult.of(PhaseOutcome.FAILED, "killed at its time limit");
		}
		this.log.write(work, result.succeeded() ? LogLine.Kind.INFO : LogLine.Kind.ERROR,
				"exit code " + result.exitCode());
		return result.succeeded() ? PhaseResult.done()
				: PhaseResult.of(PhaseOutcome.FAILED, "exit status " + result.exitCode());
	}

	/** Until the deadline, at most {@link #MAX_RUN}; a second when it has passed. */
	static Duration timeLeft(PhaseWork work, Instant now) {
		if (work.deadline() == null) {
			return MAX_RUN;
		}
		Duration left = Duration.between(now, work.deadline());
		if (left.isNegative() || left.isZero()) {
			return Duration.ofSeconds(1);
		}
		return (left.compareTo(MAX_RUN) < 0) ? left : MAX_RUN;
	}

}
