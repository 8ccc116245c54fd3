package parc.orchestrator.agentless;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.inventory.InventoryDocument;
import parc.orchestrator.inventory.InventoryReport;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventorySource;
import parc.orchestrator.inventory.InventoryStored;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;

/**
 * Status lights, on-demand inventories and Wake-on-LAN for registered machines. Probes
 * and wakes run on the caller's thread (they are bounded in time); collections run in the
 * background on the agentless pool and are followed through {@link InventoryCollection}.
 */
@Service
public class AgentlessService {

	private static final Logger log = LoggerFactory.getLogger(AgentlessService.class);

	private final AgentlessGateway gateway;

	private final MachineService machines;

	private final CredentialService credentials;

	private final InventoryService inventories;

	private final AgentlessRepository repository;

	private final Executor executor;

	private final Clock clock;

	AgentlessService(AgentlessGateway gateway, MachineService machines, CredentialService credentials,
			InventoryService inventories, AgentlessRepository repository,
			@Qualifier(AgentlessConfiguration.EXECUTOR) Executor executor, Optional<Clock> clock) {
		this.gateway = gateway;
		this.machines = machines;
		this.credentials = credentials;
		this.inventories = inventories;
		this.repository = repository;
		this.executor = executor;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Probes a machine now and keeps the result as its status light.
	 * @throws parc.orchestrator.machine.MachineNotFoundException when there is no such
	 * machine
	 */
	public ProbeStatus probe(long machineId) {
		Machine machine = this.machines.get(machineId);
		int port = (machine.sshPort() != null) ? machine.sshPort() : 22;
		ProbeOutcome outcome = this.gateway.probe(machine.address(), port);
		ProbeStatus status = new ProbeStatus(machineId, outcome.light(), outcome.pinged(), outcome.banner(),
				outcome.detail(), outcome.duration().toMillis(),
				// PostgreSQL keeps microseconds: the status returned equals the one read
				// back.
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.repository.saveProbe(status);
		return status;
	}

	/** The last probe of a machine, if it was ever probed. */
	public Optional<ProbeStatus> lastProbe(long machineId) {
		return this.repository.probe(machineId);
	}

	/** The last probes of several machines, for a list page. */
	public Map<Long, ProbeStatus> lastProbes(Collection<Long> machineIds) {
		return this.repository.probes(machineIds);
	}

	/**
	 * Starts an inventory collection in the background, or returns the one already
	 * running for this machine.
	 * @throws MachineNotAgentlessException when the machine is not reachable over SSH as
	 * registered
	 */
	public InventoryCollection requestInventory(long machineId, String requestedBy) {
		Machine machine = this.machines.get(machineId);
		target(machine);
		Optional<InventoryCollection> running = this.repository.runningCollection(machineId);
		if (running.isPresent()) {
			return running.get();
		}
		long id = this.repository.insertCollection(machineId, requestedBy, this.clock.instant());
		this.executor.execute(() -> collect(id, machineId));
		return collection(id).orElseThrow();
	}

	/**
	 * Collects the machine's inventory on the caller's thread and stores it, for callers
	 * already away from requests (a deployment's inventory phase).
	 * @return the finished collection, DONE or FAILED with the reason
	 */
	public InventoryCollection collectNow(long machineId, String requestedBy) {
		target(this.machines.get(machineId));
		long id = this.repository.insertCollection(machineId, requestedBy, this.clock.instant());
		collect(id, machineId);
		return collection(id).orElseThrow();
	}

	public Optional<InventoryCollection> collection(long id) {
		return this.repository.collection(id);
	}

	/** The latest collections of a machine, newest first. */
	public List<InventoryCollection> collections(long machineId, int limit) {
		return this.repository.collections(machineId, limit);
	}

	private void collect(long collectionId, long machineId) {
		try {
			RemoteTarget target = target(this.machines.get(machineId));
			InventoryDocument document = this.gateway.collectInventory(target);
			InventoryStored stored = this.inventories.storeCollected(machineId,
					new InventoryReport(InventorySource.AGENTLESS_SSH, null, "Parc agentless", document));
			this.repository.finishCollection(collectionId, InventoryCollection.State.DONE, stored.outcome().name(),
					null, this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.info("Inventory collection {} of machine {} failed: {}", collectionId, machineId, ex.getMessage());
			this.repository.finishCollection(collectionId, InventoryCollection.State.FAILED, null,
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName(), this.clock.instant());
		}
	}

	/**
	 * Sends Wake-on-LAN packets to every MAC address of the machine.
	 * @throws NoMacAddressException when it has none
	 */
	public void wake(long machineId) {
		Machine machine = this.machines.get(machineId);
		if (machine.macAddresses().isEmpty()) {
			throw new NoMacAddressException(machine.name());
		}
		this.gateway.wake(machine.macAddresses());
	}

	/**
	 * The SSH target of a machine, with its decrypted credential.
	 * @throws MachineNotAgentlessException when the machine is not agentless or has no
	 * credential
	 */
	public RemoteTarget target(Machine machine) {
		if (machine.channel() != Channel.AGENTLESS_SSH) {
			throw new MachineNotAgentlessException("Machine \"" + machine.name() + "\" is reached by its "
					+ machine.channel() + " channel, not over SSH");
		}
		if (machine.credentialId() == null) {
			throw new MachineNotAgentlessException(
					"Machine \"" + machine.name() + "\" has no credential: choose one on its page");
		}
		var secret = this.credentials.secretOf(machine.credentialId());
		String user = (machine.sshUser() != null) ? machine.sshUser() : secret.username();
		if (user == null) {
			throw new MachineNotAgentlessException(
					"Machine \"" + machine.name() + "\" has no SSH user: set one on the machine or on its credential");
		}
		int port = (machine.sshPort() != null) ? machine.sshPort() : 22;
		return new RemoteTarget(machine.id(), machine.address(), port, user, secret, machine.osFamily());
	}

}
