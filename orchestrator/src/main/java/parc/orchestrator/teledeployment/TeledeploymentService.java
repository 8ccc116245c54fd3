package parc.orchestrator.teledeployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.deployment.Deployment;
import parc.orchestrator.deployment.DeploymentOptions;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.MachineProgress;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResultService;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.settings.ServerSettingsStore;

/**
 * Delivers packages through OCS agents, following the reference server's bookkeeping
 * (protocol §4.8): a package is offered only while its machine waits for it, once its
 * files are downloadable, inside the deployment's windows and before its end date, and
 * never when the agent's history already holds it unless forced. The agent's report ends
 * the machine's wait. Times come from the engine's clock, as the phases' do.
 */
@Service
@Validated
public class TeledeploymentService {

	static final String SETTINGS_AREA = "agent-downloads";

	private static final Pattern FRAGMENT = Pattern.compile("(\\d{1,18})-(\\d{1,9})");

	private final TeledeploymentRepository repository;

	private final AgentPackageBuilds builds;

	private final PackageService packages;

	private final DeploymentService deployments;

	private final MachineProgress progress;

	private final PhaseResultService results;

	private final ServerSettingsStore settings;

	private final TransactionTemplate transaction;

	private final AgentMirrorService mirrors;

	private final MachineService machines;

	TeledeploymentService(TeledeploymentRepository repository, AgentPackageBuilds builds, PackageService packages,
			DeploymentService deployments, MachineProgress progress, PhaseResultService results,
			ServerSettingsStore settings, PlatformTransactionManager transactions, AgentMirrorService mirrors,
			MachineService machines) {
		this.mirrors = mirrors;
		this.machines = machines;
		this.repository = repository;
		this.builds = builds;
		this.packages = packages;
		this.deployments = deployments;
		this.progress = progress;
		this.results = results;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	public AgentDownloadSettings settings() {
		return this.settings.get(SETTINGS_AREA, AgentDownloadSettings.class, AgentDownloadSettings.defaults());
	}

	public AgentDownloadSettings updateSettings(@Valid AgentDownloadSettings changes) {
		this.settings.put(SETTINGS_AREA, changes);
		return changes;
	}

	/**
	 * Offers the deployment's package to the machine's agent: builds what the agent
	 * downloads if no earlier offer did, and waits for the agent's next PROLOG. The offer
	 * answers to {@code runId}.
	 */
	public OfferOutcome offer(long deploymentId, String machineName, long machineId, String runId) {
		Deployment deployment = this.deployments.header(deploymentId);
		SoftwarePackage pkg = this.packages.get(deployment.packageId());
		DeploymentOptions options = deployment.options();
		long ocsId = this.builds.ensureBuilt(pkg, options.parameters());
		Instant now = now();
		boolean installed = this.repository.history(machineId).contains(ocsId);
		return this.transaction.execute((status) -> {
			this.repository.upsertOffer(deploymentId, machineName, machineId, ocsId, runId, false, now);
			if (installed) {
				this.repository.waitingOffer(machineId, ocsId)
					.ifPresent(
							(offer) -> this.repository.markReported(offer, AgentResultCodes.ALREADY_IN_HISTORY, now));
				this.progress.agentReported(deploymentId, machineName, AgentResultCodes.ALREADY_IN_HISTORY);
				log(deploymentId, machineName, now, LogLine.Kind.INFO,
						"the agent's history already holds package " + ocsId + ": not run again");
				return OfferOutcome.ALREADY_INSTALLED;
			}
			this.progress.agentOffered(deploymentId, machineName, now);
			log(deploymentId, machineName, now, LogLine.Kind.INFO,
					"package " + ocsId + " offered to the agent at its next contact");
			return OfferOutcome.OFFERED;
		});
	}

	/**
	 * The packages the machine's agent fetches now: those waiting for it whose deployment
	 * runs (not paused, inside a window, before its end date), not in its history unless
	 * forced. Each becomes NOTIFIED.
	 * @return null when deployment through agents is switched off
	 */
	public PrologOffers prologOffers(long machineId) {
		AgentDownloadSettings current = settings();
		if (!current.enabled()) {
			return null;
		}
		Instant now = now();
		Machine machine = this.machines.get(machineId);
		Set<Long> history = this.repository.history(machineId);
		List<AgentOffer> offers = new ArrayList<>();
		for (TeledeploymentRepository.PendingOffer pending : this.repository.pendingOffers(machineId)) {
			if ((history.contains(pending.ocsId()) && !pending.force()) || !running(pending.deploymentId(), now)) {
				continue;
			}
			if (offers.stream().noneMatch((offer) -> offer.ocsId() == pending.ocsId())) {
				Optional<AgentMirror> mirror = this.mirrors.mirrorFor(machine, pending.ocsId());
				offers.add(new AgentOffer(pending.ocsId(), pending.force(),
						mirror.map(AgentMirror::infoLocation).orElse(null),
						mirror.map(AgentMirror::fragmentsLocation).orElse(null)));
			}
			this.transaction.executeWithoutResult((status) -> {
				if (this.repository.markNotified(pending.deploymentId(), pending.machineName(), now)) {
					this.progress.agentNotified(pending.deploymentId(), pending.machineName(), now);
					log(pending.deploymentId(), pending.machineName(), now, LogLine.Kind.INFO,
							"the agent was told to fetch package " + pending.ocsId());
				}
			});
		}
		return new PrologOffers(current, offers);
	}

	/**
	 * An agent's {@code QUERY=DOWNLOAD}: ends the wait of the offer it answers. A report
	 * for a package the machine was not offered changes nothing (the caller keeps it as
	 * an audit line).
	 * @param packageId the id as the agent sent it
	 * @param code the agent's code as sent
	 * @return whether an offer took it
	 */
	public boolean agentReported(long machineId, String packageId, String code) {
		if (packageId == null || !packageId.matches("\\d{1,18}")) {
			return false;
		}
		long ocsId = Long.parseLong(packageId);
		String result = AgentResultCodes.normalise(code);
		Instant now = now();
		Optional<TeledeploymentRepository.PendingOffer> answered = this.transaction.execute((status) -> {
			Optional<TeledeploymentRepository.PendingOffer> offer = this.repository.waitingOffer(machineId, ocsId);
			if (offer.isEmpty() || !this.repository.markReported(offer.get(), result, now)) {
				return Optional.empty();
			}
			this.progress.agentReported(offer.get().deploymentId(), offer.get().machineName(), result);
			log(offer.get().deploymentId(), offer.get().machineName(), now,
					AgentResultCodes.isSuccess(result) ? LogLine.Kind.INFO : LogLine.Kind.ERROR,
					"the agent reported " + result + " for package " + ocsId);
			return offer;
		});
		if (answered.isEmpty()) {
			return false;
		}
		// Outside the transaction: the engine moves the machine's process on its own.
		this.results.reportAgentResult(answered.get().runId(),
				AgentResultCodes.isSuccess(result) ? PhaseOutcome.DONE : PhaseOutcome.FAILED, "agent: " + result);
		return true;
	}

	/**
	 * The inventory phase of a machine delivered through its agent: it waits for the
	 * agent's next inventory, which the next PROLOG asks for. Asking again for the same
	 * attempt (its worker stopped, another took it over) changes nothing.
	 * @return since when the attempt waits
	 */
	public Instant awaitInventory(String runId, long machineId, long deploymentId, String machineName) {
		Instant now = now();
		return this.transaction.execute((status) -> {
			Instant since = this.repository.insertInventoryWait(runId, machineId, deploymentId, machineName, now);
			if (since.equals(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS))) {
				this.progress.appendLog(deploymentId, machineName, new LogLine(now, DeploymentPhase.INVENTORY,
						LogLine.Kind.INFO, "waiting for the agent's next inventory"));
			}
			return since;
		});
	}

	/** The attempt gives up waiting for the agent's inventory. */
	public void stopAwaitingInventory(String runId) {
		this.repository.deleteInventoryWait(runId);
	}

	/** Whether a deployment waits for this machine's next inventory. */
	public boolean waitsForInventory(long machineId) {
		return this.repository.waitsForInventory(machineId);
	}

	/** The agent sent an inventory: every attempt waiting for one is done. */
	public void inventoryReceived(long machineId) {
		List<String> waits = this.transaction.execute((status) -> this.repository.takeInventoryWaits(machineId));
		waits.forEach((runId) -> this.results.report(runId, PhaseOutcome.DONE, "the agent sent its inventory"));
	}

	/**
	 * The package ids the agent's inventory lists as installed. An offer still waiting
	 * whose package is among them was done by the agent (its report was lost, for example
	 * while Parc was down): it ends as done.
	 */
	public void historyReported(long machineId, List<String> packageIds) {
		List<Long> ids = packageIds.stream()
			.filter((id) -> id != null && id.matches("\\d{1,18}"))
			.map(Long::parseLong)
			.toList();
		this.transaction.executeWithoutResult((status) -> this.repository.replaceHistory(machineId, ids));
		for (TeledeploymentRepository.PendingOffer pending : this.repository.pendingOffers(machineId)) {
			if (!pending.force() && ids.contains(pending.ocsId())) {
				agentReported(machineId, Long.toString(pending.ocsId()), AgentResultCodes.ALREADY_IN_HISTORY);
			}
		}
	}

	/**
	 * A file of the download server: {@code info} or {@code <id>-<n>} of a build that is
	 * ready and offered to some machine; nothing else, ever.
	 */
	public Optional<Path> downloadableFile(String packageId, String fileName) {
		if (packageId == null || !packageId.matches("\\d{1,18}") || fileName == null) {
			return Optional.empty();
		}
		long ocsId = Long.parseLong(packageId);
		Optional<TeledeploymentRepository.Build> build = this.repository.build(ocsId);
		if (build.isEmpty() || !build.get().ready() || !this.repository.downloadable(ocsId)) {
			return Optional.empty();
		}
		if (!fileName.equals("info")) {
			Matcher fragment = FRAGMENT.matcher(fileName);
			if (!fragment.matches() || Long.parseLong(fragment.group(1)) != ocsId) {
				return Optional.empty();
			}
			long n = Long.parseLong(fragment.group(2));
			if (n < 1 || n > build.get().fragments()) {
				return Optional.empty();
			}
		}
		Path file = this.builds.folderOf(ocsId).resolve(fileName);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	/**
	 * @throws parc.orchestrator.pkg.PackageNotFoundException for an unknown package
	 */
	public AgentStatistics statistics(long packageId) {
		this.packages.get(packageId);
		return AgentStatistics.of(packageId, this.repository.statistics(packageId));
	}

	/**
	 * The machines behind the statistics, latest change first.
	 * @param state one state or code, or null for all
	 */
	public Page<AgentStatisticsMachine> statisticsMachines(long packageId, String state, PageRequest page) {
		this.packages.get(packageId);
		String shown = (state == null || state.isBlank()) ? null : state.strip();
		return new Page<>(this.repository.statisticsMachines(packageId, shown, page.size(), page.offset()), page.page(),
				page.size(), this.repository.countStatisticsMachines(packageId, shown));
	}

	/**
	 * ocsreports' "validate successes": the successes the administrator has seen leave
	 * the statistics (the deployments keep them).
	 * @return how many left
	 */
	public int validateSuccesses(long packageId) {
		this.packages.get(packageId);
		return this.transaction.execute((status) -> this.repository.validateSuccesses(packageId));
	}

	/**
	 * ocsreports' "withdraw from machines not yet notified": those machines stop waiting
	 * (stopped, not failed); machines already notified keep going.
	 * @return how many were withdrawn
	 */
	public int withdrawNotNotified(long packageId, String by) {
		this.packages.get(packageId);
		return withdraw(packageId, List.of("WAITING_FOR_AGENT"), "withdrawn from the agent by " + by);
	}

	/**
	 * ocsreports' "delete": every machine still waiting for the package or notified of it
	 * is withdrawn, and the files agents download and their assignments are deleted (the
	 * deployments keep their history; a later deployment builds the package again).
	 * @return how many machines were withdrawn
	 */
	public int deleteAgentBuilds(long packageId, String by) {
		this.packages.get(packageId);
		int withdrawn = withdraw(packageId, List.of("WAITING_FOR_AGENT", "NOTIFIED"),
				"withdrawn from the agent by " + by + " (package deleted from agents)");
		List<Long> ids = this.transaction.execute((status) -> this.repository.deleteBuilds(packageId));
		ids.forEach(this.builds::deleteFiles);
		return withdrawn;
	}

	private int withdraw(long packageId, List<String> states, String detail) {
		Instant now = now();
		List<TeledeploymentRepository.PendingOffer> withdrawn = new ArrayList<>();
		for (TeledeploymentRepository.PendingOffer offer : this.repository.offersOfPackage(packageId, states)) {
			this.transaction.executeWithoutResult((status) -> {
				if (this.repository.markWithdrawn(offer, now)) {
					this.progress.stopped(offer.deploymentId(), offer.machineName(), detail, now);
					withdrawn.add(offer);
				}
			});
		}
		// Outside the transactions: each machine's process ends on its own.
		withdrawn.forEach((offer) -> this.results.reportAgentResult(offer.runId(), PhaseOutcome.WITHDRAWN, detail));
		return withdrawn.size();
	}

	/** A stopped deployment withdraws its offers, in the same transaction. */
	@org.springframework.context.event.EventListener
	void deploymentStopped(parc.orchestrator.deployment.DeploymentStopped event) {
		this.repository.withdrawDeployments(event.deploymentIds(), now());
	}

	private boolean running(long deploymentId, Instant now) {
		Deployment top = this.deployments.header(this.deployments.topOf(deploymentId));
		if (top.pauseRequested() || top.stoppedBy() != null) {
			return false;
		}
		DeploymentOptions options = this.deployments.options(deploymentId);
		if (options.endAt() != null && !now.isBefore(options.endAt())) {
			return false;
		}
		if (options.startAt() != null && now.isBefore(options.startAt())) {
			return false;
		}
		return options.windows().isOpen(now.atZone(this.deployments.zone()));
	}

	private void log(long deploymentId, String machineName, Instant now, LogLine.Kind kind, String text) {
		this.progress.appendLog(deploymentId, machineName, new LogLine(now, DeploymentPhase.DELIVER, kind, text));
	}

	/** The engine's clock, so that process tests can move time. */
	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
