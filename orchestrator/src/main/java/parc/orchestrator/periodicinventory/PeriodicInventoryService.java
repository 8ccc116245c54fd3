package parc.orchestrator.periodicinventory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.InventoryCollection;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.schedule.ScheduleProperties;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleService;

/**
 * The machines of a periodic inventory run: starts their {@code inventory-machine}
 * processes within the schedule's concurrency, collects for the process, and counts each
 * machine as its process ends, starting the next waiting one in its place.
 */
@Service
public class PeriodicInventoryService {

	private static final Logger log = LoggerFactory.getLogger(PeriodicInventoryService.class);

	private final PeriodicInventoryRepository repository;

	private final ScheduleService schedules;

	private final AgentlessService agentless;

	private final MachineService machines;

	private final RuntimeService runtime;

	private final ScheduleProperties properties;

	private final Clock clock;

	PeriodicInventoryService(PeriodicInventoryRepository repository, ScheduleService schedules,
			AgentlessService agentless, MachineService machines, RuntimeService runtime, ScheduleProperties properties,
			Optional<Clock> clock) {
		this.repository = repository;
		this.schedules = schedules;
		this.agentless = agentless;
		this.machines = machines;
		this.runtime = runtime;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Adds the run's machines: those of {@code among} (all when null) that are reached
	 * over SSH with a credential and not being inventoried already.
	 * @return how many were added, and how many left out as busy
	 */
	@Transactional
	public Planned plan(long runId, List<Long> among) {
		int busy = this.repository.busy(among);
		// Before any process starts: a restart from here on must leave the run to them.
		this.schedules.handOver(runId);
		return new Planned(this.repository.plan(runId, among), busy);
	}

	/**
	 * Starts the processes of up to {@code places} waiting machines of the run.
	 * @return how many were started
	 */
	@Transactional
	public int startWaiting(long runId, int places, String requestedBy) {
		List<Long> claimed = this.repository.claim(runId, places);
		for (long machineId : claimed) {
			Map<String, Object> variables = new HashMap<>();
			variables.put(InventoryMachineProcess.RUN_ID, runId);
			variables.put(InventoryMachineProcess.MACHINE_ID, machineId);
			variables.put(InventoryMachineProcess.MACHINE_NAME, this.machines.get(machineId).name());
			variables.put(InventoryMachineProcess.REQUESTED_BY, requestedBy);
			variables.put(InventoryMachineProcess.MAX_ATTEMPTS, this.properties.inventoryAttempts());
			variables.put(InventoryMachineProcess.RETRY_DELAY, this.properties.inventoryRetryDelay().toString());
			String instance = this.runtime
				.startProcessInstanceByKey(InventoryMachineProcess.KEY, InventoryMachineProcess.businessKey(machineId),
						variables)
				.getId();
			this.repository.processStarted(runId, machineId, instance);
		}
		return claimed.size();
	}

	/**
	 * One attempt of a machine's process: collects its inventory over SSH, within the
	 * handshake turns every SSH connection takes, and stores it.
	 * @return null when stored, else why not
	 */
	public String collect(long machineId, String requestedBy) {
		try {
			InventoryCollection collection = this.agentless.collectNow(machineId, requestedBy);
			return (collection.state() == InventoryCollection.State.DONE) ? null : collection.error();
		}
		catch (RuntimeException ex) {
			// The machine changed since the run began (another channel, no credential,
			// gone).
			return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
	}

	/**
	 * Counts a machine whose process ended, gives its place to the next waiting machine,
	 * and ends the run when none is left.
	 * @param error null when its inventory was stored
	 */
	@Transactional
	public void machineFinished(long runId, long machineId, String error, String requestedBy) {
		if (!this.repository.lockRun(runId)) {
			log.info("Periodic inventory run {} is over (ended or deleted): machine {} not counted", runId, machineId);
			return;
		}
		this.repository.finish(runId, machineId, error == null, error, this.clock.instant());
		startWaiting(runId, 1, requestedBy);
		RunMachineCounts counts = this.repository.counts(runId);
		if (counts.left() > 0) {
			this.schedules.progress(runId, counts.counts());
			return;
		}
		this.schedules.finishRun(runId, ScheduleRun.State.DONE, counts.counts(), (counts.failed() > 0)
				? counts.failed() + " of " + counts.planned() + " machine(s) not inventoried" : null);
	}

	/**
	 * Counts FAILED the machines of a running run whose process is gone (cancelled or
	 * deleted from Cockpit), which would otherwise hold the run, and the schedule,
	 * forever.
	 * @return how many were counted
	 */
	@Transactional
	public int repair(long runId, String requestedBy) {
		int repaired = 0;
		for (var running : this.repository.runningWithProcess(runId)) {
			boolean alive = this.runtime.createProcessInstanceQuery().processInstanceId(running.getValue()).count() > 0;
			if (!alive) {
				log.warn("Periodic inventory run {}: the process of machine {} is gone; counted failed", runId,
						running.getKey());
				machineFinished(runId, running.getKey(), "its process was cancelled", requestedBy);
				repaired++;
			}
		}
		return repaired;
	}

	/**
	 * @param count machines added to the run
	 * @param busy machines left out, being inventoried already
	 */
	public record Planned(int count, int busy) {

	}

}
