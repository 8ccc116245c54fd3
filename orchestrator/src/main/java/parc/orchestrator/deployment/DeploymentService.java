package parc.orchestrator.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * Records deployments and what each machine goes through. The phase processes move the
 * states through {@link #phaseStarted}, {@link #rescheduled}, {@link #failed} and the
 * like; the times they pass are the engine's clock, so process tests can move it. A
 * machine holds one of the deployment's slots from {@link #takeSlot} until its phase
 * attempt ends, whatever the outcome.
 */
@Service
@Validated
@EnableConfigurationProperties(DeploymentProperties.class)
public class DeploymentService {

	/** A machine's log as shown at once; longer logs are paged by later callers. */
	static final int LOG_LINES = 10_000;

	private final DeploymentRepository repository;

	private final PackageService packages;

	private final MachineService machines;

	private final DeploymentProperties properties;

	private final SlotWaiters waiters;

	private final Clock clock;

	private final GroupTargets groupTargets;

	DeploymentService(DeploymentRepository repository, PackageService packages, MachineService machines,
			DeploymentProperties properties, SlotWaiters waiters, Optional<Clock> clock, GroupTargets groupTargets) {
		this.repository = repository;
		this.groupTargets = groupTargets;
		this.waiters = waiters;
		this.packages = packages;
		this.machines = machines;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Records a deployment of one package, or of a bundle: then the bundle is the top
	 * deployment and each of its packages a deployment under it, at its level.
	 * @throws parc.orchestrator.pkg.PackageNotFoundException for an unknown package
	 * @throws InvalidDeploymentTargetException naming each machine that cannot receive it
	 */
	@Transactional
	public Deployment create(@Valid DeploymentRequest request, String requestedBy) {
		List<BundleItem> items = request.isBundle()
				? request.bundle().stream().sorted(java.util.Comparator.comparingInt(BundleItem::level)).toList()
				: List.of(new BundleItem(request.packageId(), 1));
		List<SoftwarePackage> pkgs = items.stream().map((item) -> this.packages.get(item.packageId())).toList();
		GroupTargets.Resolved group = (request.groupId() != null)
				? this.groupTargets.resolve(request.groupId(), requestedBy) : null;
		List<Long> machineIds = (group != null) ? group.machineIds() : request.machineIds();
		List<Machine> targets = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Long id : machineIds.stream().distinct().toList()) {
			Machine machine = this.machines.get(id);
			// An agent machine fetches the package itself; an agentless one needs a way
			// in.
			if (machine.channel() == Channel.AGENTLESS_SSH && machine.credentialId() == null) {
				problems.add(machine.name() + " has no SSH credential");
			}
			for (SoftwarePackage pkg : pkgs) {
				if (pkg.osFamily() != OsFamily.OTHER && machine.osFamily() != pkg.osFamily()) {
					problems.add(machine.name() + " runs " + machine.osFamily() + ", " + pkg.label() + " "
							+ pkg.version() + " is for " + pkg.osFamily());
				}
			}
			targets.add(machine);
		}
		if (!problems.isEmpty()) {
			throw new InvalidDeploymentTargetException(problems);
		}
		DeploymentOptions options = request.options();
		if (options.transferMode() == TransferMode.PUSH_PULL) {
			// Pulse 2's push/pull has the machine fetch the files itself: the OCS agent
			// does
			// that (teledeployment); over SSH Parc always pushes.
			throw new InvalidDeploymentOptionException("transferMode",
					"push/pull needs the machine's OCS agent (teledeployment); agentless machines are pushed to: use PUSH");
		}
		Instant now = this.clock.instant();
		Instant firstAttempt = firstAttempt(options, now);
		if (!request.isBundle()) {
			SoftwarePackage pkg = pkgs.get(0);
			long id = this.repository.insert(pkg.id(), null, null, label(pkg), options, requestedBy, now);
			recordGroup(id, group);
			insertTargets(id, targets, options, pkg, firstAttempt, now);
			return get(id);
		}
		String label = "Bundle: " + String.join(", ", pkgs.stream().map(DeploymentService::label).toList());
		long bundle = this.repository.insert(null, null, null,
				(label.length() > 200) ? label.substring(0, 199) + "…" : label, options, requestedBy, now);
		recordGroup(bundle, group);
		insertTargets(bundle, targets, Map.of(), firstAttempt, now);
		for (int i = 0; i < items.size(); i++) {
			SoftwarePackage pkg = pkgs.get(i);
			long part = this.repository.insert(pkg.id(), bundle, items.get(i).level(), label(pkg), options, requestedBy,
					now);
			insertTargets(part, targets, options, pkg, firstAttempt, now);
		}
		return get(bundle);
	}

	private void recordGroup(long deploymentId, GroupTargets.Resolved group) {
		if (group != null) {
			this.repository.setGroup(deploymentId, group.group().id(), group.group().name());
		}
	}

	private static String label(SoftwarePackage pkg) {
		return pkg.label() + " " + pkg.version();
	}

	private void insertTargets(long deploymentId, List<Machine> targets, Map<DeploymentPhase, PhaseStatus> phases,
			Instant firstAttempt, Instant now) {
		for (Machine machine : targets) {
			this.repository.insertTarget(deploymentId, machine.id(), machine.name(), phases, firstAttempt, now);
		}
	}

	private void insertTargets(long deploymentId, List<Machine> targets, DeploymentOptions options, SoftwarePackage pkg,
			Instant firstAttempt, Instant now) {
		for (Machine machine : targets) {
			Map<DeploymentPhase, PhaseStatus> phases = phasesFor(options, pkg, machine.channel());
			// An agent machine cannot be probed: it is woken only when asked to, and only
			// with a MAC address to wake.
			if (machine.channel() == Channel.OCS_AGENT
					&& (options.wol() != WakeOnLanMode.BEFORE_TRANSFER || machine.macAddresses().isEmpty())) {
				phases.remove(DeploymentPhase.WOL);
			}
			this.repository.insertTarget(deploymentId, machine.id(), machine.name(), phases, firstAttempt, now);
		}
	}

	/** The phases this deployment runs on a machine reached over SSH, in order. */
	static Map<DeploymentPhase, PhaseStatus> phasesFor(DeploymentOptions options, SoftwarePackage pkg) {
		return phasesFor(options, pkg, Channel.AGENTLESS_SSH);
	}

	/**
	 * The phases this deployment runs on a machine, in order, none started. Through an
	 * OCS agent, the agent fetches, runs and cleans up the package itself (one phase),
	 * sends its inventory if asked, and Parc cannot shut the machine down.
	 */
	static Map<DeploymentPhase, PhaseStatus> phasesFor(DeploymentOptions options, SoftwarePackage pkg,
			Channel channel) {
		Map<DeploymentPhase, PhaseStatus> phases = new EnumMap<>(DeploymentPhase.class);
		if (options.wol() != WakeOnLanMode.NEVER) {
			phases.put(DeploymentPhase.WOL, PhaseStatus.NOT_STARTED);
		}
		if (channel == Channel.OCS_AGENT) {
			phases.put(DeploymentPhase.DELIVER, PhaseStatus.NOT_STARTED);
			// The agent's next inventory, waited for.
			if (options.inventoryAfter()) {
				phases.put(DeploymentPhase.INVENTORY, PhaseStatus.NOT_STARTED);
			}
			return phases;
		}
		phases.put(DeploymentPhase.TRANSFER, PhaseStatus.NOT_STARTED);
		if (options.runScript()) {
			phases.put(DeploymentPhase.EXECUTE, PhaseStatus.NOT_STARTED);
		}
		if (options.deleteFiles()) {
			phases.put(DeploymentPhase.DELETE, PhaseStatus.NOT_STARTED);
		}
		if (options.inventoryAfter()) {
			phases.put(DeploymentPhase.INVENTORY, PhaseStatus.NOT_STARTED);
		}
		// Pulse 2 reboots after a package that needs it, whatever the shutdown option
		// says.
		if (options.shutdownAfter() || pkg.needsReboot()) {
			phases.put(DeploymentPhase.SHUTDOWN, PhaseStatus.NOT_STARTED);
		}
		return phases;
	}

	/**
	 * The start date or now, moved into the next deployment window, in the server's zone.
	 */
	Instant firstAttempt(DeploymentOptions options, Instant now) {
		Instant earliest = (options.startAt() != null && options.startAt().isAfter(now)) ? options.startAt() : now;
		ZonedDateTime opening = options.windows().nextOpening(earliest.atZone(this.properties.timeZone()));
		return opening.toInstant();
	}

	/** How long a machine waits for its OCS agent's report, per attempt. */
	public java.time.Duration agentReportTimeout() {
		return this.properties.agentReportTimeout();
	}

	/** The zone deployment windows are read in. */
	public java.time.ZoneId zone() {
		return this.properties.timeZone();
	}

	/**
	 * @throws DeploymentNotFoundException when there is none
	 */
	public Deployment get(long id) {
		Deployment deployment = this.repository.find(id).orElseThrow(() -> new DeploymentNotFoundException(id));
		if (deployment.packageId() != null) {
			return withWaitsShown(deployment, deployment.targets());
		}
		List<BundlePart> parts = this.repository.bundleParts(id);
		List<Deployment> partDeployments = parts.stream()
			.map((part) -> this.repository.find(part.deploymentId()).orElseThrow())
			.toList();
		List<DeploymentTarget> shown = deployment.targets()
			.stream()
			.map((target) -> target.state().isFinal() ? target : current(target, parts, partDeployments))
			.toList();
		return withWaitsShown(deployment.withTargets(shown, parts), shown);
	}

	/**
	 * What a machine between two phases waits for, read rather than written (a machine
	 * waiting for a worker costs no update): a pause, or its turn under the cap.
	 */
	private Deployment withWaitsShown(Deployment deployment, List<DeploymentTarget> targets) {
		if (targets.stream().noneMatch(DeploymentService::waitsForItsTurn)) {
			return deployment;
		}
		long top = this.repository.topOf(deployment.id());
		Deployment topDeployment = (top == deployment.id()) ? deployment : header(top);
		String detail = topDeployment.pauseRequested() ? "paused: the next phase starts when the deployment is resumed"
				: "waiting for a free slot: "
						+ this.repository.slotsInUse(top,
								org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())
						+ " of " + topDeployment.options().concurrency() + " machines are being worked on";
		TargetState state = topDeployment.pauseRequested() ? TargetState.PAUSED : TargetState.SCHEDULED;
		// What a machine last said (a wake-up given up, a retry asked for) stays unless
		// it is paused.
		List<DeploymentTarget> shown = targets.stream()
			.map((target) -> waitsForItsTurn(target) ? new DeploymentTarget(target.machineId(), target.machineName(),
					state, target.phases(), null, target.nextAttemptAt(), null,
					(target.detail() != null && state != TargetState.PAUSED) ? target.detail() : detail,
					target.updatedAt(), false, target.agentResult()) : target)
			.toList();
		return deployment.withTargets(shown, deployment.bundle());
	}

	/**
	 * Between two phases: not finished, no phase running, not waiting for a date or an
	 * agent. (A machine waiting for its start date shows RESCHEDULED once its process
	 * planned the attempt.)
	 */
	private static boolean waitsForItsTurn(DeploymentTarget target) {
		return !target.state().isFinal() && !target.phases().containsValue(PhaseStatus.RUNNING)
				&& target.state() != TargetState.RESCHEDULED && target.state() != TargetState.WAITING_FOR_AGENT
				&& target.state() != TargetState.NOTIFIED;
	}

	/**
	 * A bundle's machine as it stands: the state, phases and detail of the first package
	 * it has not finished, by level.
	 */
	private static DeploymentTarget current(DeploymentTarget target, List<BundlePart> parts,
			List<Deployment> partDeployments) {
		for (int i = 0; i < parts.size(); i++) {
			for (DeploymentTarget partTarget : partDeployments.get(i).targets()) {
				if (partTarget.machineName().equals(target.machineName()) && partTarget.state() != TargetState.DONE) {
					String detail = parts.get(i).label()
							+ ((partTarget.detail() != null) ? ": " + partTarget.detail() : "");
					return new DeploymentTarget(target.machineId(), target.machineName(), partTarget.state(),
							partTarget.phases(), partTarget.failedPhase(), partTarget.nextAttemptAt(),
							partTarget.rescheduleReason(), detail, partTarget.updatedAt(), partTarget.unreachable());
				}
			}
		}
		return target;
	}

	/**
	 * Deployments as lists show them, newest first.
	 * @param finished true for the history, false for those in progress, null for all
	 */
	public Page<DeploymentSummary> summaries(Boolean finished, PageRequest page) {
		return this.repository.summaries(finished, null, page);
	}

	/** The deployments launched on a group, newest first. */
	public Page<DeploymentSummary> summariesOfGroup(long groupId, PageRequest page) {
		return this.repository.summaries(null, groupId, page);
	}

	/** A machine's log in this deployment, oldest first. */
	public List<LogLine> log(long deploymentId, long machineId) {
		DeploymentTarget target = get(deploymentId).target(machineId);
		return this.repository.log(deploymentId, target.machineName(), LOG_LINES);
	}

	/**
	 * The deployment without its machines (empty {@code targets}): what the work of one
	 * machine reads, a thousand times in a large fan-out.
	 * @throws DeploymentNotFoundException when there is none
	 */
	public Deployment header(long deploymentId) {
		return this.repository.findHeader(deploymentId)
			.orElseThrow(() -> new DeploymentNotFoundException(deploymentId));
	}

	/**
	 * The deployment's options, without reading its machines: what every phase step
	 * needs.
	 */
	public DeploymentOptions options(long deploymentId) {
		return this.repository.options(deploymentId).orElseThrow(() -> new DeploymentNotFoundException(deploymentId));
	}

	/**
	 * One machine of a deployment, by its name there.
	 * @throws DeploymentNotFoundException when there is none
	 */
	public DeploymentTarget target(long deploymentId, String machineName) {
		return this.repository.target(deploymentId, machineName)
			.orElseThrow(() -> new DeploymentNotFoundException(deploymentId));
	}

	/**
	 * The lowest level of the bundle whose package the machine has not done yet, or empty
	 * when it has done them all.
	 */
	public java.util.Optional<Integer> nextBundleLevel(long bundleId, String machineName) {
		for (BundlePart part : this.repository.bundleParts(bundleId)) {
			if (target(part.deploymentId(), machineName).state() != TargetState.DONE) {
				return java.util.Optional.of(part.level());
			}
		}
		return java.util.Optional.empty();
	}

	/** The deployments of a bundle's packages at one level. */
	public List<Long> bundleDeploymentsAt(long bundleId, int level) {
		return this.repository.bundleParts(bundleId)
			.stream()
			.filter((part) -> part.level() == level)
			.map(BundlePart::deploymentId)
			.toList();
	}

	/**
	 * After a level: whether the machine did every package of it. If not, the machine
	 * fails in the bundle with the package and phase that failed, and the packages of
	 * later levels are marked not started.
	 */
	@Transactional
	public boolean bundleLevelSucceeded(long bundleId, String machineName, int level, Instant now) {
		List<BundlePart> parts = this.repository.bundleParts(bundleId);
		DeploymentTarget failed = null;
		BundlePart failedPart = null;
		for (BundlePart part : parts) {
			DeploymentTarget partTarget = target(part.deploymentId(), machineName);
			if (part.level() == level && partTarget.state() != TargetState.DONE && failed == null) {
				failed = partTarget;
				failedPart = part;
			}
		}
		if (failed == null) {
			return true;
		}
		String why = failedPart.label() + ((failed.detail() != null) ? ": " + failed.detail() : " did not finish");
		for (BundlePart part : parts) {
			if (part.level() > level) {
				change(part.deploymentId(), machineName, now,
						(target, phases) -> new DeploymentTarget(target.machineId(), target.machineName(),
								TargetState.FAILED, phases, null, null, null,
								"not started: level " + level + " of the bundle failed", now));
			}
		}
		DeploymentTarget cause = failed;
		change(bundleId, machineName, now,
				(target, phases) -> new DeploymentTarget(target.machineId(), target.machineName(), TargetState.FAILED,
						cause.phases(), cause.failedPhase(), null, null, why + "; later levels not started", now,
						cause.unreachable()));
		return false;
	}

	/** The names of the deployment's machines, as the processes know them. */
	public List<String> machineNames(long deploymentId) {
		return this.repository.machineNames(deploymentId);
	}

	/** The top deployment's id: itself, or the bundle it belongs to. */
	public long topOf(long deploymentId) {
		return this.repository.topOf(deploymentId);
	}

	/**
	 * A machine asks to start its phase attempt. Under a lock on the top deployment's
	 * row: paused or stopped, it waits and says so; at the cap it waits for a free slot
	 * and says so; otherwise it takes a slot and shows the phase running.
	 */
	@Transactional
	public SlotDecision takeSlot(long deploymentId, String machineName, DeploymentPhase phase, Instant now) {
		SlotGroup group = this.repository.lockSlotGroup(deploymentId)
			.orElseThrow(() -> new DeploymentNotFoundException(deploymentId));
		String phaseName = phase.name().toLowerCase();
		if (group.stopped()) {
			return SlotDecision.STOPPED;
		}
		if (group.paused()) {
			change(deploymentId, machineName, now,
					(target, phases) -> new DeploymentTarget(target.machineId(), target.machineName(),
							TargetState.PAUSED, phases, null, null, null,
							"paused: the " + phaseName + " phase starts when the deployment is resumed", now));
			return SlotDecision.PAUSED;
		}
		int inUse = this.repository.slotsInUse(group.top(), deploymentId, machineName);
		if (inUse >= group.concurrency()) {
			this.waiters.waiterSeen();
			change(deploymentId, machineName, now,
					(target, phases) -> new DeploymentTarget(target.machineId(), target.machineName(),
							TargetState.SCHEDULED, phases, null, null, null,
							"waiting for a free slot before the " + phaseName + " phase: " + inUse + " of "
									+ group.concurrency() + " machines are being worked on",
							now));
			return SlotDecision.CAP_REACHED;
		}
		this.repository.holdSlot(deploymentId, machineName);
		phaseStarted(deploymentId, machineName, phase, now);
		return SlotDecision.TAKEN;
	}

	/**
	 * Wake-on-LAN did not work; the machine goes on to the transfer, which finds out
	 * whether it answers anyway.
	 */
	@Transactional
	public void bestEffortPhaseFailed(long deploymentId, String machineName, DeploymentPhase phase, String detail,
			Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(phase, PhaseStatus.FAILED);
			return new DeploymentTarget(target.machineId(), target.machineName(), target.state(), phases, null, null,
					null, detail, now);
		});
	}

	/** A phase attempt starts: the machine shows the phase's state, the phase runs. */
	@Transactional
	public void phaseStarted(long deploymentId, String machineName, DeploymentPhase phase, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(phase, PhaseStatus.RUNNING);
			return new DeploymentTarget(target.machineId(), target.machineName(), phase.runningState(), phases, null,
					null, null, null, now);
		});
	}

	@Transactional
	public void phaseDone(long deploymentId, String machineName, DeploymentPhase phase, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(phase, PhaseStatus.DONE);
			return new DeploymentTarget(target.machineId(), target.machineName(), target.state(), phases, null, null,
					null, null, now);
		});
	}

	/**
	 * The attempt ended without the phase being done (it is tried again): the machine
	 * gives its slot back and says what happened.
	 */
	@Transactional
	public void attemptEnded(long deploymentId, String machineName, DeploymentPhase phase, String detail, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(phase, PhaseStatus.NOT_STARTED);
			return new DeploymentTarget(target.machineId(), target.machineName(), target.state(), phases, null, null,
					null, detail, now);
		});
	}

	/**
	 * The phase's work goes on outside Parc (a woken machine starting up): the machine
	 * keeps showing the phase and gives its slot back until the work looks again.
	 */
	@Transactional
	public void workWaiting(long deploymentId, String machineName, String detail, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> new DeploymentTarget(target.machineId(),
				target.machineName(), target.state(), phases, null, null, null, detail, now));
		this.repository.releaseSlot(deploymentId, machineName);
	}

	/** The machine waits until {@code at}, and says why. */
	@Transactional
	public void rescheduled(long deploymentId, String machineName, DeploymentPhase phase, Instant at,
			RescheduleReason reason, String detail, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(phase, PhaseStatus.NOT_STARTED);
			return new DeploymentTarget(target.machineId(), target.machineName(), TargetState.RESCHEDULED, phases, null,
					at, reason, detail, now);
		});
	}

	@Transactional
	public void failed(long deploymentId, String machineName, DeploymentPhase phase, String detail, Instant now) {
		failed(deploymentId, machineName, phase, detail, false, now);
	}

	/**
	 * @param unreachable whether the last attempt could not reach the machine (the report
	 * counts those apart)
	 */
	@Transactional
	public void failed(long deploymentId, String machineName, DeploymentPhase phase, String detail, boolean unreachable,
			Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(phase, PhaseStatus.FAILED);
			return new DeploymentTarget(target.machineId(), target.machineName(), TargetState.FAILED, phases, phase,
					null, null, detail, now, unreachable);
		});
	}

	/** Stopped by an administrator: a phase in progress is marked failed. */
	@Transactional
	public void stopped(long deploymentId, String machineName, String detail, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.replaceAll((phase, status) -> (status == PhaseStatus.RUNNING) ? PhaseStatus.FAILED : status);
			return new DeploymentTarget(target.machineId(), target.machineName(), TargetState.STOPPED, phases, null,
					null, null, detail, now);
		});
		appendLog(deploymentId, machineName, new LogLine(now, null, LogLine.Kind.ERROR, detail));
	}

	/** Starts the machine over, every phase not started. */
	@Transactional
	public void retried(long deploymentId, String machineName, Map<DeploymentPhase, PhaseStatus> phases, String detail,
			Instant now) {
		change(deploymentId, machineName, now, (target, current) -> new DeploymentTarget(target.machineId(),
				target.machineName(), TargetState.SCHEDULED, phases, null, null, null, detail, now));
		appendLog(deploymentId, machineName, new LogLine(now, null, LogLine.Kind.INFO, detail));
	}

	/** Every phase of the machine is done. */
	@Transactional
	public void done(long deploymentId, String machineName, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> new DeploymentTarget(target.machineId(),
				target.machineName(), TargetState.DONE, phases, null, null, null, null, now));
	}

	private void change(long deploymentId, String machineName, Instant now,
			java.util.function.BiFunction<DeploymentTarget, Map<DeploymentPhase, PhaseStatus>, DeploymentTarget> change) {
		DeploymentTarget target = this.repository.target(deploymentId, machineName)
			.orElseThrow(() -> new DeploymentNotFoundException(deploymentId));
		Map<DeploymentPhase, PhaseStatus> phases = new EnumMap<>(DeploymentPhase.class);
		phases.putAll(target.phases());
		DeploymentTarget changed = change.apply(target, phases);
		this.repository.updateTarget(deploymentId, changed, now);
		boolean working = changed.phases().containsValue(PhaseStatus.RUNNING);
		if (!working && this.repository.releaseSlot(deploymentId, machineName)) {
			this.waiters.slotFreed(this.repository.topOf(deploymentId));
		}
	}

	/**
	 * The package is offered to the machine's agent, which has not asked for it yet.
	 */
	@Transactional
	public void agentOffered(long deploymentId, String machineName, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> {
			phases.put(DeploymentPhase.DELIVER, PhaseStatus.RUNNING);
			return new DeploymentTarget(target.machineId(), target.machineName(), TargetState.WAITING_FOR_AGENT, phases,
					null, null, null, "offered to the agent at its next contact", now);
		});
	}

	/** The agent was told about the package in a PROLOG. */
	@Transactional
	public void agentNotified(long deploymentId, String machineName, Instant now) {
		change(deploymentId, machineName, now,
				(target, phases) -> new DeploymentTarget(target.machineId(), target.machineName(), TargetState.NOTIFIED,
						phases, null, null, null, "the agent was told to fetch the package", now));
	}

	/** Keeps the agent's code for the machine, as it sent it. */
	@Transactional
	public void agentReported(long deploymentId, String machineName, String code) {
		this.repository.setAgentResult(deploymentId, machineName, code);
	}

	/** Adds a line to a machine's log; called by the phases as they run. */
	public void appendLog(long deploymentId, String machineName, LogLine line) {
		this.repository.appendLog(deploymentId, machineName, line);
	}

}
