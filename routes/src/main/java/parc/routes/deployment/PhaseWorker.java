package parc.routes.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.CommandResult;
import parc.agentlessadapter.ssh.OutputChannel;
import parc.agentlessadapter.ssh.OutputLine;
import parc.agentlessadapter.ssh.OutputListener;
import parc.agentlessadapter.ssh.PowerAction;
import parc.agentlessadapter.ssh.PushReport;
import parc.agentlessadapter.ssh.PushRequest;
import parc.agentlessadapter.ssh.PushedFile;
import parc.agentlessadapter.ssh.RemoteCommand;
import parc.agentlessadapter.ssh.RemoteSession;
import parc.agentlessadapter.ssh.SshConnector;
import parc.agentlessadapter.ssh.SshException;
import parc.agentlessadapter.ssh.SshStep;
import parc.agentlessadapter.ssh.WorkingDirectory;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.InventoryCollection;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResultService;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;

/**
 * Does one phase attempt on one machine with the SSH adapter, logs what it did, and
 * reports the outcome.
 */
@Component
class PhaseWorker {

	/** How long a woken machine gets to answer SSH. */
	static final Duration WAKE_WAIT = Duration.ofMinutes(5);

	private static final Duration WAKE_POLL = Duration.ofSeconds(10);

	private final DeploymentService deployments;

	private final PackageService packages;

	private final MachineService machines;

	private final AgentlessService agentless;

	private final SshConnector connector;

	private final PhaseResultService results;

	private final PhaseSessions sessions;

	/** What each worker thread does now, so that a stop can interrupt it. */
	private final java.util.Map<Thread, PhaseWork> running = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Stopped deployments: their queued work is dropped (a few bytes each, until
	 * restart).
	 */
	private final java.util.Set<Long> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final parc.orchestrator.teledeployment.TeledeploymentService teledeployment;

	PhaseWorker(DeploymentService deployments, PackageService packages, MachineService machines,
			AgentlessService agentless, SshConnector connector, PhaseResultService results, PhaseSessions sessions,
			parc.orchestrator.teledeployment.TeledeploymentService teledeployment) {
		this.teledeployment = teledeployment;
		this.sessions = sessions;
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

	/**
	 * Interrupts the deployment's work in progress and drops what is still queued: it was
	 * stopped.
	 */
	void cancel(long deploymentId) {
		this.cancelled.add(deploymentId);
		this.running.forEach((thread, work) -> {
			if (work.deploymentId() == deploymentId) {
				thread.interrupt();
			}
		});
	}

	void run(PhaseWork work) {
		if (this.cancelled.contains(work.deploymentId())) {
			return;
		}
		this.running.put(Thread.currentThread(), work);
		try {
			runAttempt(work);
		}
		finally {
			this.running.remove(Thread.currentThread());
			// An interrupt meant for this attempt must not reach the worker's next one.
			Thread.interrupted();
		}
	}

	private void runAttempt(PhaseWork work) {
		if (work.phase() == DeploymentPhase.INVENTORY
				&& this.machines.get(work.machineId()).channel() == parc.orchestrator.machine.Channel.OCS_AGENT) {
			// Parc cannot collect it: the agent sends it, and that ends the attempt.
			this.teledeployment.awaitInventory(work.runId(), work.machineId(), work.deploymentId(), work.machineName());
			return;
		}
		PhaseOutcome outcome;
		String detail = null;
		try {
			outcome = switch (work.phase()) {
				case WOL -> wake(work);
				case TRANSFER -> transfer(work);
				case EXECUTE -> execute(work);
				case DELETE -> delete(work);
				case INVENTORY -> inventory(work);
				case SHUTDOWN -> power(work);
				// The agent does this phase's work: it never comes here.
				case DELIVER -> throw new IllegalStateException("An agent delivers its own packages");
			};
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

	private PhaseOutcome transfer(PhaseWork work) {
		Deployment deployment = this.deployments.header(work.deploymentId());
		SoftwarePackage pkg = this.packages.get(deployment.packageId());
		Path folder = this.packages.folderOf(pkg.id());
		WorkingDirectory destination = workingDirectory(work.deploymentId());
		var target = this.agentless.target(this.machines.get(work.machineId()));
		log(work, LogLine.Kind.COMMAND, "push " + deployment.label() + " to " + target + ":~/" + destination.path());
		try (PhaseSessions.Lease lease = this.sessions.lease(work, parc.routes.agentless.SshTargets.of(target))) {
			RemoteSession session = lease.session();
			PushReport report = session
				.push(new PushRequest(folder, destination, deployment.options().maxBytesPerSecond(),
						pkg.commandFile().map(java.util.Set::of).orElse(java.util.Set.of())));
			for (PushedFile file : report.files()) {
				log(work, LogLine.Kind.OUT, file.relativePath() + " " + file.size() + " bytes sha256 " + file.sha256()
						+ " " + file.transfer());
			}
			log(work, LogLine.Kind.INFO,
					report.files().size() + " file(s) verified on the target, " + report.bytesSent()
							+ " bytes sent over " + report.protocol() + " in " + report.elapsed().toMillis() + " ms");
			lease.keep();
		}
		return PhaseOutcome.DONE;
	}

	/**
	 * The package's command with the deployment's parameters as data ({@code "$@"}, or
	 * PowerShell's {@code @args}), in the working folder, killed at the window's end.
	 */
	private PhaseOutcome execute(PhaseWork work) {
		Deployment deployment = this.deployments.header(work.deploymentId());
		SoftwarePackage pkg = this.packages.get(deployment.packageId());
		var target = this.agentless.target(this.machines.get(work.machineId()));
		boolean windows = target.osFamily() == parc.orchestrator.machine.OsFamily.WINDOWS;
		String script = pkg.command() + (windows ? " @args" : " \"$@\"");
		Duration limit = timeLeft(work);
		RemoteCommand command = new RemoteCommand(script, deployment.options().parameters(),
				workingDirectory(work.deploymentId()).path(), limit, RemoteCommand.DEFAULT_RETAINED_BYTES);
		log(work, LogLine.Kind.COMMAND, pkg.command() + " " + String.join(" ", deployment.options().parameters()));
		CommandResult result;
		try (PhaseSessions.Lease lease = this.sessions.lease(work, parc.routes.agentless.SshTargets.of(target))) {
			RemoteSession session = lease.session();
			result = session.run(command, OutputListener.NONE);
			lease.keep();
		}
		for (OutputLine line : result.head()) {
			logLine(work, line);
		}
		if (result.droppedNotice() != null) {
			log(work, LogLine.Kind.INFO, result.droppedNotice());
		}
		for (OutputLine line : result.tail()) {
			logLine(work, line);
		}
		if (result.timedOut()) {
			boolean windowClosed = work.deadline() != null && !Instant.now().isBefore(work.deadline());
			log(work, LogLine.Kind.ERROR, "killed at its time limit (" + limit.toSeconds() + " s)");
			return windowClosed ? PhaseOutcome.CUT : PhaseOutcome.FAILED;
		}
		log(work, result.succeeded() ? LogLine.Kind.INFO : LogLine.Kind.ERROR, "exit code " + result.exitCode());
		if (result.succeeded()) {
			return PhaseOutcome.DONE;
		}
		throw new IllegalStateException("exit status " + result.exitCode());
	}

	/**
	 * Wakes the machine unless, in the "only if unreachable" mode, it already answers;
	 * then waits for SSH, at most {@link #WAKE_WAIT} or until the window closes.
	 */
	private PhaseOutcome wake(PhaseWork work) {
		Deployment deployment = this.deployments.header(work.deploymentId());
		var machine = this.machines.get(work.machineId());
		if (deployment.options().wol() == WakeOnLanMode.IF_UNREACHABLE
				&& this.agentless.probe(machine.id()).light() == StatusLight.GREEN) {
			log(work, LogLine.Kind.INFO, "the machine answers over SSH: no Wake-on-LAN needed");
			return PhaseOutcome.DONE;
		}
		if (machine.macAddresses().isEmpty()) {
			throw new IllegalStateException("no MAC address to wake the machine with");
		}
		log(work, LogLine.Kind.COMMAND, "wake-on-lan " + String.join(" ", machine.macAddresses()));
		this.agentless.wake(machine.id());
		Instant until = Instant.now().plus(WAKE_WAIT);
		if (work.deadline() != null && work.deadline().isBefore(until)) {
			until = work.deadline();
		}
		while (Instant.now().isBefore(until)) {
			try {
				Thread.sleep(WAKE_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			if (this.agentless.probe(machine.id()).light() == StatusLight.GREEN) {
				log(work, LogLine.Kind.INFO, "the machine answers over SSH");
				return PhaseOutcome.DONE;
			}
		}
		log(work, LogLine.Kind.ERROR, "the machine did not answer over SSH after Wake-on-LAN");
		return PhaseOutcome.UNREACHABLE;
	}

	/**
	 * Collects and stores the machine's inventory; the collection also shows on the
	 * machine's page.
	 */
	private PhaseOutcome inventory(PhaseWork work) {
		log(work, LogLine.Kind.COMMAND, "collect the inventory over SSH");
		InventoryCollection collection = this.agentless.collectNow(work.machineId(),
				"deployment " + work.deploymentId());
		if (collection.state() != InventoryCollection.State.DONE) {
			throw new IllegalStateException("inventory not collected: " + collection.error());
		}
		log(work, LogLine.Kind.INFO, "inventory stored (" + collection.outcome() + ")");
		return PhaseOutcome.DONE;
	}

	/**
	 * Shuts the machine down when the deployment asks for it, otherwise restarts it (the
	 * package needs a reboot). A connection dropped by the machine going down is success.
	 */
	private PhaseOutcome power(PhaseWork work) {
		Deployment deployment = this.deployments.header(work.deploymentId());
		PowerAction action = deployment.options().shutdownAfter() ? PowerAction.SHUTDOWN : PowerAction.REBOOT;
		var target = this.agentless.target(this.machines.get(work.machineId()));
		try (PhaseSessions.Lease lease = this.sessions.lease(work, parc.routes.agentless.SshTargets.of(target))) {
			RemoteSession session = lease.session();
			log(work, LogLine.Kind.COMMAND, action.script(session.target().system()));
			CommandResult result = session.power(action);
			for (OutputLine line : result.lines()) {
				logLine(work, line);
			}
			if (result.exitCode() != null && result.exitCode() != 0) {
				throw new IllegalStateException("exit status " + result.exitCode());
			}
		}
		log(work, LogLine.Kind.INFO, (action == PowerAction.SHUTDOWN) ? "shutdown sent" : "restart sent");
		return PhaseOutcome.DONE;
	}

	private PhaseOutcome delete(PhaseWork work) {
		var target = this.agentless.target(this.machines.get(work.machineId()));
		WorkingDirectory folder = workingDirectory(work.deploymentId());
		log(work, LogLine.Kind.COMMAND, "delete ~/" + folder.path());
		try (PhaseSessions.Lease lease = this.sessions.lease(work, parc.routes.agentless.SshTargets.of(target))) {
			RemoteSession session = lease.session();
			session.delete(folder);
			lease.keep();
		}
		return PhaseOutcome.DONE;
	}

	/**
	 * Until the deadline, at most two hours: a command that never ends must not hold a
	 * worker.
	 */
	private static Duration timeLeft(PhaseWork work) {
		Duration max = Duration.ofHours(2);
		if (work.deadline() == null) {
			return max;
		}
		Duration left = Duration.between(Instant.now(), work.deadline());
		if (left.isNegative() || left.isZero()) {
			return Duration.ofSeconds(1);
		}
		return (left.compareTo(max) < 0) ? left : max;
	}

	private void logLine(PhaseWork work, OutputLine line) {
		this.deployments.appendLog(work.deploymentId(), work.machineName(), new LogLine(line.at(), work.phase(),
				(line.channel() == OutputChannel.STDERR) ? LogLine.Kind.ERR : LogLine.Kind.OUT, line.text()));
	}

	private void log(PhaseWork work, LogLine.Kind kind, String text) {
		this.deployments.appendLog(work.deploymentId(), work.machineName(),
				new LogLine(Instant.now(), work.phase(), kind, text));
	}

}
