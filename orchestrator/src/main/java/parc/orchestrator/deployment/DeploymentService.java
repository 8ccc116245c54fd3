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
 * The deployments: records them with their machines and options, and reads them back
 * (with what each waiting machine waits for), their summaries, logs and bundle levels.
 * What each machine goes through as it runs is {@link MachineProgress}'s.
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

	private final Clock clock;

	private final GroupTargets groupTargets;

	DeploymentService(DeploymentRepository repository, PackageService packages, MachineService machines,
			DeploymentProperties properties, Optional<Clock> clock, GroupTargets groupTargets) {
		this.repository = repository;
		this.groupTargets = groupTargets;
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
	 * The process version each machine runs or ran, by machine name; machines whose
	 * process has not started yet, or started before Parc kept it, are absent.
	 */
	public Map<String, MachineProcessVersion> processVersions(long id) {
		return this.repository.processVersions(id);
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
	 * Between two phases: not finished, no phase running, not waiting for a date, an
	 * agent or a person. (A machine waiting for its start date shows RESCHEDULED once its
	 * process planned the attempt.)
	 */
	private static boolean waitsForItsTurn(DeploymentTarget target) {
		return !target.state().isFinal() && !target.phases().containsValue(PhaseStatus.RUNNING)
				&& target.state() != TargetState.RESCHEDULED && target.state() != TargetState.WAITING_FOR_AGENT
				&& target.state() != TargetState.NOTIFIED && target.state() != TargetState.WAITING_FOR_APPROVAL;
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

	/** The names of the deployment's machines, as the processes know them. */
	public List<String> machineNames(long deploymentId) {
		return this.repository.machineNames(deploymentId);
	}

	/** The top deployment's id: itself, or the bundle it belongs to. */
	public long topOf(long deploymentId) {
		return this.repository.topOf(deploymentId);
	}

}
