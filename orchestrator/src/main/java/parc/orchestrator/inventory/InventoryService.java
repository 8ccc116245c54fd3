package parc.orchestrator.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.inventory.InventorySnapshotStore.EncodedInventory;
import parc.orchestrator.inventory.SectionPlan.SnapshotHead;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.MacAddresses;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.settings.ServerSettingsStore;

/**
 * Files inventories under machines and answers what a machine's inventory is and how it
 * changed. Storing is one transaction: when {@link #store} returns, the inventory, its
 * searchable rows and its history are committed, so an agent is told "stored" only for
 * what is stored.
 */
@Service
@Validated
public class InventoryService {

	static final String SETTINGS_AREA = "inventory";

	private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

	private final InventoryRepository repository;

	private final ApplicationEventPublisher events;

	private final InventorySnapshotStore snapshots;

	private final MachineService machines;

	private final AdminDataService adminData;

	private final ServerSettingsStore settings;

	private final Clock clock;

	InventoryService(InventoryRepository repository, InventorySnapshotStore snapshots, MachineService machines,
			AdminDataService adminData, ServerSettingsStore settings, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.repository = repository;
		this.events = events;
		this.snapshots = snapshots;
		this.machines = machines;
		this.adminData = adminData;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public InventorySettings settings() {
		return this.settings.get(SETTINGS_AREA, InventorySettings.class, InventorySettings.defaults());
	}

	@Transactional
	public InventorySettings updateSettings(@Valid InventorySettings settings) {
		this.settings.put(SETTINGS_AREA, settings);
		return settings;
	}

	/**
	 * Files an inventory: finds its machine (by DEVICEID, else by the duplicate criteria,
	 * else registers a new one with channel {@code OCS_AGENT}), keeps the document,
	 * rebuilds the searchable rows, records the changes since the previous inventory,
	 * prunes old inventories and settles the administrative data.
	 */
	@Transactional
	public InventoryStored store(InventoryReport report) {
		Instant now = this.clock.instant();
		InventoryDocument document = report.document();
		InventorySummary summary = InventorySummary.of(document);
		List<String> macs = InventorySummary.macAddresses(document)
			.stream()
			.map(MacAddresses::normalise)
			.flatMap(Optional::stream)
			.distinct()
			.toList();
		InventorySettings settings = settings();

		Long machineId = null;
		boolean firstContact = false;
		boolean machineCreated = false;
		if (report.deviceId() != null) {
			this.repository.lock("device:" + report.deviceId());
			machineId = this.repository.machineOfDevice(report.deviceId()).orElse(null);
		}
		if (machineId == null && report.previousDeviceId() != null
				&& !report.previousDeviceId().equals(report.deviceId())) {
			// A reinstalled agent names the DEVICEID it had (OLD_DEVICEID): the machine
			// it reported as keeps its history instead of another being matched or made.
			machineId = this.repository.machineOfDevice(report.previousDeviceId()).orElse(null);
			if (machineId != null) {
				log.info("Agent {} replaces agent {} on machine {}", report.deviceId(), report.previousDeviceId(),
						machineId);
				this.repository.insertDevice(report.deviceId(), machineId, report.agentVersion(), now);
				firstContact = true;
			}
		}
		if (machineId == null) {
			MachineIdentity identity = new MachineIdentity(summary.hostName(), summary.serialNumber(), summary.uuid(),
					Set.copyOf(macs));
			this.repository.lock("host:" + Optional.ofNullable(summary.hostName()).orElse("").toLowerCase(Locale.ROOT));
			Optional<InventoryRepository.MatchCandidate> match = identity.bestMatch(
					this.repository.candidates(summary.hostName(), identity.serial(), summary.uuid(), macs),
					settings.duplicateCriteria());
			if (match.isPresent()) {
				machineId = match.get().machineId();
			}
			else {
				machineId = register(report, summary, macs).id();
				machineCreated = true;
			}
			if (report.deviceId() != null) {
				this.repository.insertDevice(report.deviceId(), machineId, report.agentVersion(), now);
			}
			firstContact = true;
		}
		else if (!firstContact) {
			this.repository.touchDevice(report.deviceId(), report.agentVersion(), now);
		}

		return file(machineId, report, summary, macs, settings, machineCreated, firstContact);
	}

	/**
	 * Files an inventory Parc collected itself from a known machine: no matching, the
	 * machine is the one that was asked. Its registry entry (address, MACs, OS family) is
	 * left as the administrator set it.
	 */
	@Transactional
	public InventoryStored storeCollected(long machineId, InventoryReport report) {
		this.machines.get(machineId);
		this.repository.lock("machine:" + machineId);
		InventorySummary summary = InventorySummary.of(report.document());
		List<String> macs = InventorySummary.macAddresses(report.document())
			.stream()
			.map(MacAddresses::normalise)
			.flatMap(Optional::stream)
			.distinct()
			.toList();
		boolean firstContact = this.repository.currentHash(machineId).isEmpty();
		return file(machineId, report, summary, macs, settings(), false, firstContact);
	}

	private InventoryStored file(long machineId, InventoryReport report, InventorySummary summary, List<String> macs,
			InventorySettings settings, boolean machineCreated, boolean firstContact) {
		Instant now = this.clock.instant();
		InventoryDocument document = report.document();
		EncodedInventory incoming = this.snapshots.encode(document);
		InventoryStored.Outcome outcome;
		int changeCount = 0;
		// A machine registered a moment ago has no inventory, rows or history to compare
		// with or clear: its first inventory skips those reads and deletes.
		if (!machineCreated && incoming.hash().equals(this.repository.currentHash(machineId).orElse(null))) {
			this.repository.touchInventory(machineId, now);
			outcome = InventoryStored.Outcome.UNCHANGED;
		}
		else {
			Optional<SnapshotHead> previous = machineCreated ? Optional.empty() : this.snapshots.head(machineId);
			SectionPlan plan = SectionPlan.of(report, incoming.fingerprints(), previous,
					InventorySections.checksum(document));
			if (!plan.unflagged().isEmpty()) {
				log.info("Machine {}: sections {} differ from what Parc holds although the agent's CHECKSUM calls them "
						+ "unchanged; stored as sent", machineId, plan.unflagged());
			}
			InventoryDocument stored = plan.carried().isEmpty() ? document
					: withSections(document, this.snapshots.sections(previous.get(), plan.carried()));
			long snapshotId = this.snapshots.keep(machineId, report, now, incoming, plan);
			this.repository.upsertSummary(machineId, snapshotId, report, now, incoming.hash(),
					plan.carried().isEmpty() ? summary : InventorySummary.of(stored));
			this.repository.replaceDetails(machineId, stored, !machineCreated, plan::rewrites);
			if (previous.isPresent()) {
				List<InventoryChange> changes = plan.continuing()
						? InventoryDiff.between(this.snapshots.sections(previous.get(), plan.changed()),
								InventorySections.only(stored, plan.changed()), now)
						: InventoryDiff.between(this.snapshots.document(previous.get()), stored, now);
				this.repository.insertChanges(machineId, snapshotId, changes);
				changeCount = changes.size();
				outcome = InventoryStored.Outcome.UPDATED;
			}
			else {
				outcome = InventoryStored.Outcome.FIRST;
			}
			if (!machineCreated) {
				this.repository.pruneSnapshots(machineId, settings.inventoriesKept());
				refreshRegistry(machineId, report, summary, macs);
			}
		}
		if (outcome != InventoryStored.Outcome.UNCHANGED) {
			this.events.publishEvent(MachineNetworksReported.of(machineId, document));
		}
		List<AccountValue> accountUpdate = (report.source() == InventorySource.OCS_AGENT)
				? this.adminData.reconcile(machineId, document.accountInfo(), firstContact) : null;
		return new InventoryStored(machineId, outcome, machineCreated, changeCount, accountUpdate);
	}

	/** The document with these sections, kept from before, added to it. */
	private static InventoryDocument withSections(InventoryDocument document, InventoryDocument kept) {
		Map<String, Object> sections = new LinkedHashMap<>(InventorySections.of(document));
		InventorySections.of(kept).forEach(sections::putIfAbsent);
		return InventorySections.document(sections);
	}

	/** The latest inventory of a machine, if it has one. */
	public Optional<MachineInventory> current(long machineId) {
		this.machines.get(machineId);
		int kept = this.repository.countSnapshots(machineId);
		return this.snapshots.latest(machineId).map((latest) -> {
			InventoryRepository.StoredSnapshot snapshot = latest.snapshot();
			return new MachineInventory(machineId, snapshot.source(), snapshot.deviceId(), snapshot.agentVersion(),
					snapshot.takenAt(), snapshot.lastContactAt(), kept, latest.document());
		});
	}

	/** What changed between a machine's inventories, newest first. */
	/**
	 * Housekeeping: forgets the history's changes older than {@code before}; the kept
	 * inventories themselves follow their own count.
	 * @return how many changes were forgotten
	 */
	@Transactional
	public int forgetChangesBefore(Instant before) {
		return this.repository.deleteChangesBefore(before);
	}

	public Page<InventoryChange> history(long machineId, PageRequest page) {
		this.machines.get(machineId);
		return this.repository.history(machineId, page);
	}

	/**
	 * Makes the machine's newest kept inventory its searchable one, and prunes to the
	 * number kept; for a machine that has just received other machines' inventories (a
	 * merge).
	 */
	void makeLatestCurrent(long machineId) {
		this.snapshots.latest(machineId).ifPresent((latest) -> {
			InventoryRepository.StoredSnapshot snapshot = latest.snapshot();
			InventoryDocument document = latest.document();
			InventoryReport report = new InventoryReport(snapshot.source(), snapshot.deviceId(),
					snapshot.agentVersion(), document);
			this.repository.upsertSummary(machineId, snapshot.id(), report, snapshot.takenAt(), snapshot.documentHash(),
					InventorySummary.of(document));
			this.repository.replaceDetails(machineId, document, true);
			this.repository.pruneSnapshots(machineId, settings().inventoriesKept());
		});
	}

	/**
	 * An agent got in touch without an inventory (a PROLOG): its contact time and
	 * version.
	 */
	@Transactional
	public void recordContact(String deviceId, String agentVersion) {
		this.repository.touchDevice(deviceId, agentVersion, this.clock.instant());
	}

	/** The machine an agent's DEVICEID belongs to, if Parc has seen it. */
	public Optional<Long> machineOfDevice(String deviceId) {
		return this.repository.machineOfDevice(deviceId);
	}

	/**
	 * A machine registered from its first inventory. Its name is the host name; when that
	 * name belongs to another machine that the criteria say is not this one, the DEVICEID
	 * is added to tell them apart.
	 */
	private Machine register(InventoryReport report, InventorySummary summary, List<String> macs) {
		String hostName = Optional.ofNullable(summary.hostName())
			.orElse(Optional.ofNullable(report.deviceId())
				.map((id) -> id.replaceAll("-\\d{4}(-\\d{2}){5}$", ""))
				.orElse("unnamed"));
		String name = truncate(hostName, 255);
		if (this.machines.findByName(name).isPresent()) {
			// Taken by a machine the criteria say is another one: the DEVICEID tells them
			// apart. Checked first, as a refused insert would doom the transaction.
			String suffix = " (" + Optional.ofNullable(report.deviceId()).orElse(Long.toString(this.clock.millis()))
					+ ")";
			name = truncate(hostName, 255 - suffix.length()) + suffix;
		}
		return this.machines.register(draft(name, report, summary, macs));
	}

	private static MachineDraft draft(String name, InventoryReport report, InventorySummary summary,
			List<String> macs) {
		return new MachineDraft(name, address(summary), macs.stream().limit(16).toList(), osFamily(summary.osName()),
				Channel.OCS_AGENT, null, null, null, List.of(), null, null);
	}

	/** Keeps an agent machine's address, MACs and OS family as its agent reports them. */
	private void refreshRegistry(long machineId, InventoryReport report, InventorySummary summary, List<String> macs) {
		Machine machine = this.machines.get(machineId);
		if (machine.channel() == Channel.OCS_AGENT && report.source() == InventorySource.OCS_AGENT) {
			this.machines.updateReportedFacts(machineId, address(summary), macs, osFamily(summary.osName()));
		}
	}

	/** The first IPv4 address the agent gives, else its host name, else a placeholder. */
	static String address(InventorySummary summary) {
		String ip = summary.ipAddress();
		if (ip != null) {
			for (String candidate : ip.split("[/,; ]+")) {
				if (new inet.ipaddr.IPAddressString(candidate).isIPv4()) {
					return candidate;
				}
			}
		}
		String host = summary.hostName();
		if (host != null && new inet.ipaddr.HostName(host).isValid() && host.length() <= 253) {
			return host;
		}
		return "unknown.invalid";
	}

	static OsFamily osFamily(String osName) {
		String os = Optional.ofNullable(osName).orElse("").toLowerCase(Locale.ROOT);
		if (os.contains("windows")) {
			return OsFamily.WINDOWS;
		}
		if (os.contains("mac") || os.contains("darwin")) {
			return OsFamily.MACOS;
		}
		if (Set.of("linux", "debian", "ubuntu", "centos", "red hat", "fedora", "suse", "alma", "rocky")
			.stream()
			.anyMatch(os::contains)) {
			return OsFamily.LINUX;
		}
		return OsFamily.OTHER;
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
