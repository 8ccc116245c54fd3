package parc.routes.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputListener;
import parc.agentlessadapter.ssh.RemoteCommand;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DesignedCommand;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.machine.OsFamily;
import parc.routes.agentless.SshTargets;

/**
 * Runs a command a process designer added with the element template "Run a command on the
 * machine": in the login's home, with the step's arguments as data ({@code "$@"}, or
 * PowerShell's {@code @args}), killed at the step's time limit or the window's end,
 * whichever comes first; it succeeds when its exit code is one the step lists.
 */
@Component
class CommandWork implements PhaseKind {

	private final MachineTargets targets;

	private final PhaseSessions sessions;

	private final PhaseLog log;

	CommandWork(MachineTargets targets, PhaseSessions sessions, PhaseLog log) {
		this.targets = targets;
		this.sessions = sessions;
		this.log = log;
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.COMMAND;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		DesignedCommand designed = (task.command() != null) ? task.command()
				: new DesignedCommand(null, null, null, null);
		String commandLine = designed.commandLine();
		List<String> arguments = designed.argumentList();
		Duration stepLimit = designed.timeLimitDuration();
		Set<Integer> successCodes = designed.successCodeSet();
		Duration windowLeft = ExecuteWork.timeLeft(work, java.time.Instant.now());
		Duration limit = (windowLeft.compareTo(stepLimit) < 0) ? windowLeft : stepLimit;
		RemoteTarget target = this.targets.of(work);
		String script = commandLine + ((target.osFamily() == OsFamily.WINDOWS) ? " @args" : " \"$@\"");
		this.log.write(work, LogLine.Kind.COMMAND, (commandLine + " " + String.join(" ", arguments)).trim());
		CommandResult result;
		try (PhaseSessions.Lease lease = this.sessions.lease(work, SshTargets.of(target))) {
			result = lease.session()
				.run(new RemoteCommand(script, arguments, null, limit, RemoteCommand.DEFAULT_RETAINED_BYTES),
						OutputListener.NONE);
			lease.keep();
		}
		this.log.output(work, result);
		if (result.timedOut()) {
			boolean windowClosed = limit.equals(windowLeft) && work.deadline() != null;
			this.log.write(work, LogLine.Kind.ERROR, "killed at its time limit (" + limit.toSeconds() + " s)");
			return windowClosed ? PhaseResult.of(PhaseOutcome.CUT, "cut by the end of the window")
					: PhaseResult.of(PhaseOutcome.FAILED, "killed at its time limit");
		}
		boolean succeeded = result.exitCode() != null && successCodes.contains(result.exitCode());
		this.log.write(work, succeeded ? LogLine.Kind.INFO : LogLine.Kind.ERROR, "exit code " + result.exitCode());
		return succeeded ? PhaseResult.done() : PhaseResult.of(PhaseOutcome.FAILED, "exit status " + result.exitCode()
				+ " (success: " + successCodes.stream().sorted().map(String::valueOf).toList() + ")");
	}

}
