package parc.orchestrator.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import parc.orchestrator.system.transaction.TransientCollisions;

/**
 * The machines' phase work as the engine's external tasks: workers take them in batches,
 * only from deployments that are neither paused nor stopped and only as many as each
 * deployment's cap leaves free, and complete them with their result; the process records
 * the result in the same transaction. A worker that dies lets its tasks go when their
 * locks expire, and the machines' slots with them.
 */
@Service
public class PhaseTaskService {

	private static final Logger log = LoggerFactory.getLogger(PhaseTaskService.class);

	private static final int MAX_COLLISIONS = 8;

	private static final String[] VARIABLES = { DeploymentPhaseVariables.DEPLOYMENT_ID,
			DeploymentPhaseVariables.MACHINE_NAME, DeploymentPhaseVariables.MACHINE_ID, DeploymentPhaseVariables.PHASE,
			DeploymentPhaseVariables.ATTEMPT, DeploymentPhaseVariables.WAKE_UNTIL, DeploymentPhaseVariables.COMMAND,
			DeploymentPhaseVariables.COMMAND_ARGUMENTS, DeploymentPhaseVariables.COMMAND_TIME_LIMIT,
			DeploymentPhaseVariables.COMMAND_SUCCESS_CODES };

	private final ExternalTaskService tasks;

	private final RuntimeService runtime;

	private final DeploymentService deployments;

	private final MachineProgress progress;

	private final DeploymentRepository repository;

	private final TransactionTemplate transaction;

	private final Duration lock;

	PhaseTaskService(ExternalTaskService tasks, RuntimeService runtime, DeploymentService deployments,
			MachineProgress progress, DeploymentRepository repository, TransactionTemplate transaction,
			DeploymentProperties properties) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.deployments = deployments;
		this.progress = progress;
		this.repository = repository;
		this.transaction = transaction;
		this.lock = properties.taskLock();
	}

	/**
	 * The engine's time, which its locks expire by (tests move it); slots expire with the
	 * locks, so they are read by it too.
	 */
	private static Instant engineNow() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/** How long a worker holds a task before another may take it, unless renewed. */
	public Duration lockDuration() {
		return this.lock;
	}

	/**
	 * Takes at most {@code max} tasks for this worker: each machine shows its phase
	 * running and holds a slot until the lock expires.
	 */
	public List<PhaseTask> fetch(String workerId, int max) {
		List<PhaseTask> taken = new ArrayList<>();
		for (DeploymentRepository.OpenSlots open : this.repository.openSlots(engineNow())) {
			int count = Math.min(open.free(), max - taken.size());
			if (count > 0) {
				taken.addAll(this.transaction.execute((status) -> take(open.top(), count, workerId)));
			}
			if (taken.size() >= max) {
				break;
			}
		}
		return taken;
	}

	private List<PhaseTask> take(long top, int count, String workerId) {
		// By priority: a machine's later phases before other machines' first ones
		// (deployment-phase's taskPriority).
		ExternalTaskQueryBuilder fetch = this.tasks.fetchAndLock(count, workerId, true);
		String businessKey = DeploymentRuns.businessKey(top);
		for (DeploymentPhase phase : DeploymentPhase.values()) {
			if (phase != DeploymentPhase.DELIVER) {
				fetch = fetch.topic(DeploymentPhaseVariables.topic(phase), this.lock.toMillis())
					.businessKey(businessKey)
					.variables(VARIABLES);
			}
		}
		Instant now = engineNow();
		Map<Long, DeploymentOptions> options = new HashMap<>();
		List<PhaseTask> taken = new ArrayList<>();
		for (LockedExternalTask locked : fetch.execute()) {
			taken.add(claim(locked, workerId, now, options));
		}
		return taken;
	}

	private PhaseTask claim(LockedExternalTask locked, String workerId, Instant now,
			Map<Long, DeploymentOptions> options) {
		VariableMap variables = locked.getVariables();
		long deploymentId = (Long) variables.get(DeploymentPhaseVariables.DEPLOYMENT_ID);
		String machine = (String) variables.get(DeploymentPhaseVariables.MACHINE_NAME);
		long machineId = (Long) variables.get(DeploymentPhaseVariables.MACHINE_ID);
		DeploymentPhase phase = DeploymentPhase.valueOf((String) variables.get(DeploymentPhaseVariables.PHASE));
		Integer recorded = (Integer) variables.get(DeploymentPhaseVariables.ATTEMPT);
		int attempt = (recorded != null) ? recorded : 1;
		Date wakeUntil = (Date) variables.get(DeploymentPhaseVariables.WAKE_UNTIL);
		Instant lockedUntil = locked.getLockExpirationTime().toInstant();
		DeploymentOptions deploymentOptions = options.computeIfAbsent(deploymentId, this.deployments::options);
		Instant deadline = PhaseAttemptPolicy.deadline(deploymentOptions, this.deployments.zone(), now);
		Optional<String> heldBy = this.repository.holdSlotUntil(deploymentId, machine, lockedUntil, workerId);
		String name = phase.name().toLowerCase();
		if (heldBy.isPresent()) {
			// Its lock ran out unrenewed: the node died, hung or lost the database. What
			// it
			// did on the machine is unknown: the attempt runs again from its start.
			this.progress.appendLog(deploymentId, machine,
					new LogLine(now, phase, LogLine.Kind.INFO,
							name + " attempt " + attempt + " repeated by node " + workerId + ": node " + heldBy.get()
									+ ", which ran it, stopped before finishing (its lock ran out)"));
		}
		else if (wakeUntil == null) {
			this.progress.phaseStarted(deploymentId, machine, phase, now);
			this.progress.appendLog(deploymentId, machine,
					new LogLine(now, phase, LogLine.Kind.INFO, name + " attempt " + attempt + " started"));
		}
		PhaseWork work = new PhaseWork(locked.getId(), deploymentId, machine, machineId, phase, deadline, attempt);
		DesignedCommand command = (phase == DeploymentPhase.COMMAND) ? DesignedCommand.of(variables) : null;
		return new PhaseTask(locked.getId(), workerId, work, lockedUntil,
				(wakeUntil != null) ? wakeUntil.toInstant() : null, command);
	}

	/**
	 * Hands the result to the machine's phase process, which records it and goes on, in
	 * one transaction.
	 * @return false when the task is gone (the deployment was stopped) or another worker
	 * holds it now (this one's lock expired): the result is dropped
	 */
	public boolean complete(PhaseTask task, PhaseResult result) {
		return complete(task.taskId(), task.workerId(), result);
	}

	/**
	 * Completes a task on behalf of whoever holds it: an OCS agent's report ends the wait
	 * of the worker that took the task.
	 * @return false when no task has that id
	 */
	public boolean completeHeld(String taskId, PhaseResult result) {
		ExternalTask task = this.tasks.createExternalTaskQuery().externalTaskId(taskId).singleResult();
		if (task == null || task.getWorkerId() == null) {
			return false;
		}
		return complete(taskId, task.getWorkerId(), result);
	}

	/** Whether a task with this id waits in the engine: a phase run of this Parc. */
	public boolean exists(String taskId) {
		return this.tasks.createExternalTaskQuery().externalTaskId(taskId).count() > 0;
	}

	private boolean complete(String taskId, String workerId, PhaseResult result) {
		VariableMap variables = Variables.createVariables()
			.putValue(DeploymentPhaseVariables.WORK_OUTCOME, Variables.stringValue(result.outcome().name(), true))
			.putValue(DeploymentPhaseVariables.WORK_DETAIL, Variables.stringValue(result.detail(), true));
		if (result.checkAt() != null) {
			variables.putValue(DeploymentPhaseVariables.CHECK_AT, Date.from(result.checkAt()));
		}
		if (result.wakeUntil() != null) {
			variables.putValue(DeploymentPhaseVariables.WAKE_UNTIL, Date.from(result.wakeUntil()));
		}
		for (int collision = 1;; collision++) {
			try {
				this.tasks.complete(taskId, workerId, variables);
				return true;
			}
			catch (NotFoundException ex) {
				log.info("Phase task {} is gone (its deployment was stopped); result {} dropped", taskId,
						result.outcome());
				return false;
			}
			catch (BadUserRequestException ex) {
				log.warn("Phase task {} is no longer held by {} (its lock expired and another worker took it); "
						+ "result {} dropped", taskId, workerId, result.outcome());
				return false;
			}
			catch (RuntimeException ex) {
				if (!TransientCollisions.isTransient(ex) || collision >= MAX_COLLISIONS) {
					throw ex;
				}
				TransientCollisions.pause(collision);
			}
		}
	}

	/**
	 * Keeps a task held while its work runs: its lock and the machine's slot last another
	 * {@code duration}.
	 * @return false when the task is no longer this worker's
	 */
	public boolean renew(PhaseTask task, Duration duration) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.tasks.extendLock(task.taskId(), task.workerId(), duration.toMillis());
				this.repository.holdSlotUntil(task.work().deploymentId(), task.work().machineName(),
						engineNow().plus(duration), task.workerId());
			});
			return true;
		}
		catch (BadUserRequestException ex) {
			log.info("Phase task {} could not be renewed: {}", task.taskId(), ex.getMessage());
			return false;
		}
	}

	/**
	 * At a worker's start: the tasks it held before it stopped (a crash, a kill) are
	 * given back at once rather than when their locks expire, their machines' slots
	 * freed, their logs told.
	 * @return how many
	 */
	public int releaseHeldBy(String workerId) {
		List<ExternalTask> held = this.tasks.createExternalTaskQuery().workerId(workerId).locked().list();
		Instant now = engineNow();
		for (ExternalTask task : held) {
			this.transaction.executeWithoutResult((status) -> {
				Map<String, Object> variables = this.runtime.getVariables(task.getExecutionId(),
						List.of(DeploymentPhaseVariables.DEPLOYMENT_ID, DeploymentPhaseVariables.MACHINE_NAME,
								DeploymentPhaseVariables.PHASE));
				this.tasks.unlock(task.getId());
				Long deploymentId = (Long) variables.get(DeploymentPhaseVariables.DEPLOYMENT_ID);
				String machine = (String) variables.get(DeploymentPhaseVariables.MACHINE_NAME);
				if (deploymentId != null && machine != null) {
					this.repository.releaseSlot(deploymentId, machine);
					DeploymentPhase phase = DeploymentPhase
						.valueOf((String) variables.get(DeploymentPhaseVariables.PHASE));
					this.progress.appendLog(deploymentId, machine, new LogLine(now, phase, LogLine.Kind.INFO,
							"Parc stopped while the " + phase.name().toLowerCase() + " phase ran: it runs again"));
				}
			});
		}
		return held.size();
	}

}
