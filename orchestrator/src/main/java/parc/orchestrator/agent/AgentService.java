package parc.orchestrator.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.discovery.IpDiscoverAssignment;
import parc.orchestrator.discovery.IpDiscoverElection;
import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.inventory.InventoryReport;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventorySource;
import parc.orchestrator.inventory.InventoryStored;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.system.settings.ServerSettingsStore;
import parc.orchestrator.teledeployment.PrologOffers;
import parc.orchestrator.teledeployment.TeledeploymentService;

/**
 * What Parc decides for OCS agents: whether to send an inventory now, whether a request
 * may come in at all, and where their inventories and deployment reports go.
 */
@Service
@Validated
public class AgentService {

	static final String SETTINGS_AREA = "agent";

	private final AgentRepository repository;

	private final InventoryService inventories;

	private final MachineService machines;

	private final ServerSettingsStore settings;

	private final PasswordEncoder passwords;

	private final TeledeploymentService teledeployment;

	private final IpDiscoverElection ipDiscover;

	private final Clock clock;

	/**
	 * The digest of the last Authorization header that passed, with the hash it passed
	 * against. bcrypt takes tens of milliseconds by design, and every agent request
	 * carries the same header; checking it once per settings change keeps the endpoint
	 * fast without weakening the stored hash.
	 */
	private final AtomicReference<VerifiedCredentials> lastVerified = new AtomicReference<>();

	AgentService(AgentRepository repository, InventoryService inventories, MachineService machines,
			ServerSettingsStore settings, PasswordEncoder passwords, TeledeploymentService teledeployment,
			IpDiscoverElection ipDiscover, Optional<Clock> clock) {
		this.teledeployment = teledeployment;
		this.ipDiscover = ipDiscover;
		this.repository = repository;
		this.inventories = inventories;
		this.machines = machines;
		this.settings = settings;
		this.passwords = passwords;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public AgentSettings settings() {
		return this.settings.get(SETTINGS_AREA, AgentSettings.class, AgentSettings.defaults());
	}

	/**
	 * @param newPassword a new agent password, or null/blank to keep the current one
	 * @throws IllegalArgumentException when a network is not an address or CIDR block, or
	 * authentication is required without a user name and password
	 */
	@Transactional
	public AgentSettings updateSettings(@Valid AgentSettings changes, String newPassword) {
		for (String network : changes.allowedNetworks()) {
			if (parseNetwork(network) == null) {
				throw new IllegalArgumentException(
						"'" + network + "' is not an address or network such as 192.0.2.0/24");
			}
		}
		String hash = (newPassword != null && !newPassword.isBlank()) ? this.passwords.encode(newPassword)
				: settings().passwordHash();
		String username = (changes.username() != null && !changes.username().isBlank()) ? changes.username().trim()
				: null;
		if (changes.authenticationRequired() && (username == null || hash == null)) {
			throw new IllegalArgumentException("Agent authentication needs a user name and a password");
		}
		if (username != null && username.contains(":")) {
			throw new IllegalArgumentException("The agent user name may not contain ':'");
		}
		AgentSettings saved = new AgentSettings(changes.frequencyDays(), changes.prologFrequencyHours(),
				changes.authenticationRequired(), username, hash, changes.realm().trim(),
				changes.allowedNetworks().stream().map(String::trim).toList(), changes.tagLabel().trim());
		this.settings.put(SETTINGS_AREA, saved);
		this.lastVerified.set(null);
		return saved.withoutSecret();
	}

	/**
	 * Whether a request from this address may reach the agent endpoint.
	 * @param remoteAddress the TCP peer's IP address
	 */
	public boolean isAllowedSource(String remoteAddress) {
		List<String> networks = settings().allowedNetworks();
		if (networks.isEmpty()) {
			return true;
		}
		IPAddress address = new IPAddressString(remoteAddress).getAddress();
		if (address == null) {
			return false;
		}
		return networks.stream()
			.map(AgentService::parseNetwork)
			.anyMatch((network) -> network != null && network.contains(address));
	}

	/**
	 * Whether the request's credentials satisfy the agent authentication setting.
	 * @param username the Basic user, or null when the request carried none
	 * @param password the Basic password, or null
	 */
	public boolean isAuthorised(String username, String password) {
		AgentSettings current = settings();
		if (!current.authenticationRequired()) {
			return true;
		}
		if (username == null || password == null || !username.equals(current.username())) {
			return false;
		}
		byte[] digest = digest(username + ":" + password);
		VerifiedCredentials verified = this.lastVerified.get();
		if (verified != null && verified.passwordHash().equals(current.passwordHash())
				&& MessageDigest.isEqual(verified.digest(), digest)) {
			return true;
		}
		if (this.passwords.matches(password, current.passwordHash())) {
			this.lastVerified.set(new VerifiedCredentials(current.passwordHash(), digest));
			return true;
		}
		return false;
	}

	/**
	 * PROLOG: an unknown DEVICEID is asked for an inventory; a known one when its last
	 * inventory is older than FREQUENCY days (0 = always, -1 = never), the machine's own
	 * override first.
	 */
	@Transactional
	public PrologDecision prolog(String deviceId, String agentVersion) {
		AgentSettings server = settings();
		Optional<AgentRepository.KnownDevice> device = this.repository.find(deviceId);
		if (device.isEmpty()) {
			return new PrologDecision(true, server.prologFrequencyHours());
		}
		// Offered whatever the inventory decision: deployments go on between inventories.
		PrologOffers download = this.inventories.machineOfDevice(deviceId)
			.map(this.teledeployment::prologOffers)
			.orElse(null);
		Instant now = this.clock.instant();
		this.inventories.recordContact(deviceId, agentVersion);
		AgentRepository.KnownDevice known = device.get();
		int frequency = Optional.ofNullable(known.frequencyDays()).orElse(server.frequencyDays());
		int prologFrequency = Optional.ofNullable(known.prologFrequencyHours()).orElse(server.prologFrequencyHours());
		// A deployment waiting for this machine's inventory gets it now.
		boolean wanted = this.teledeployment.waitsForInventory(known.machineId());
		// An elected agent scans its subnet as part of its inventory: it must send one.
		IpDiscoverAssignment scan = this.ipDiscover.assignmentFor(known.machineId()).orElse(null);
		boolean send = wanted || scan != null || switch (frequency) {
			case 0 -> true;
			case -1 -> false;
			default -> known.lastInventoryAt() == null
					|| known.lastInventoryAt().isBefore(now.minus(Duration.ofDays(frequency)));
		};
		return new PrologDecision(send, prologFrequency, download, scan);
	}

	/** INVENTORY: files it; the result says what to send back to the agent. */
	public InventoryStored inventory(String deviceId, String agentVersion, InventoryDocument document) {
		return inventory(deviceId, agentVersion, document, null);
	}

	/**
	 * INVENTORY from a reinstalled agent that names its earlier DEVICEID: filed under the
	 * machine that DEVICEID belongs to, when Parc knows it.
	 */
	public InventoryStored inventory(String deviceId, String agentVersion, InventoryDocument document,
			String previousDeviceId) {
		InventoryStored stored = this.inventories
			.store(new InventoryReport(InventorySource.OCS_AGENT, deviceId, agentVersion, document, previousDeviceId));
		this.teledeployment.historyReported(stored.machineId(), document.downloadHistory());
		this.teledeployment.inventoryReceived(stored.machineId());
		this.ipDiscover.recordScan(stored.machineId(), deviceId, document);
		return stored;
	}

	/**
	 * DOWNLOAD: every report is kept as an audit line; one that answers an offer ends the
	 * machine's wait.
	 */
	public void recordDownloadReport(String deviceId, String packageId, String result) {
		Long machineId = this.inventories.machineOfDevice(deviceId).orElse(null);
		this.repository.insertDownloadReport(deviceId, machineId, packageId, (result != null) ? result : "",
				this.clock.instant());
		if (machineId != null) {
			this.teledeployment.agentReported(machineId, packageId, result);
		}
	}

	public AgentOverrides overrides(long machineId) {
		this.machines.get(machineId);
		return this.repository.overrides(machineId).orElse(AgentOverrides.none());
	}

	/**
	 * @throws NoAgentReportedException when no agent has reported for the machine yet
	 */
	@Transactional
	public AgentOverrides updateOverrides(long machineId, @Valid AgentOverrides overrides) {
		this.machines.get(machineId);
		if (this.repository.setOverrides(machineId, overrides) == 0) {
			throw new NoAgentReportedException(machineId);
		}
		return overrides;
	}

	private static IPAddress parseNetwork(String text) {
		IPAddressString network = new IPAddressString(text.trim());
		return (network.isValid() && network.getAddress() != null) ? network.getAddress().toPrefixBlock() : null;
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private record VerifiedCredentials(String passwordHash, byte[] digest) {
	}

}
