package parc.orchestrator.deployment;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each machine of a deployment goes through, as its processes and Parc's workers
 * report it: phases started, done, retried, waiting, failed, stopped, and the machine's
 * log. The times given are the engine's clock, so that process tests can move it. A
 * machine holds one of its deployment's slots while a phase runs, and gives it back
 * whenever no phase of it runs any more, whatever the outcome.
 */
@Service
public class MachineProgress {

	private final DeploymentRepository repository;

	private final SlotWaiters waiters;

	MachineProgress(DeploymentRepository repository, SlotWaiters waiters) {
		this.repository = repository;
		this.waiters = waiters;
	}

	/**
	 * A machine asks to start its phase attempt. Under a lock on the top deployment's
	 * row: paused or stopped, it waits and says so; at the cap it waits for a free slot
	 * and says so; otherwise it takes a slot and shows the phase running. Only the phase
	 * processes of an older Parc still ask (their slot step): today's phases take a slot
	 * when a worker fetches their task, without this row lock, which is what deadlocked
	 * under thousands of machines at once.
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
			BiFunction<DeploymentTarget, Map<DeploymentPhase, PhaseStatus>, DeploymentTarget> change) {
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

	/**
	 * The machine's process reached a user task (an approval): nothing happens to it
	 * until someone completes the task, in Tasklist or through the engine's REST API.
	 */
	@Transactional
	public void waitingForPerson(long deploymentId, String machineName, String taskName, Instant now) {
		change(deploymentId, machineName, now,
				(target, phases) -> new DeploymentTarget(target.machineId(), target.machineName(),
						TargetState.WAITING_FOR_APPROVAL, phases, null, null, null, "waiting for approval: " + taskName,
						now));
		appendLog(deploymentId, machineName, new LogLine(now, null, LogLine.Kind.INFO,
				"waiting for approval: " + taskName + " (a task in Tasklist)"));
	}

	/**
	 * The user task was completed: the machine goes on to what follows it, which shows
	 * its own state when it starts.
	 */
	@Transactional
	public void personActed(long deploymentId, String machineName, String taskName, String person, Instant now) {
		change(deploymentId, machineName, now, (target, phases) -> new DeploymentTarget(target.machineId(),
				target.machineName(), TargetState.SCHEDULED, phases, null, null, null, null, now));
		appendLog(deploymentId, machineName, new LogLine(now, null, LogLine.Kind.INFO,
				taskName + ": completed by " + ((person != null) ? person : "an unnamed caller")));
	}

	/**
	 * The machine's deployment process started: the version it runs, which the deployment
	 * page shows (a designer may deploy another version meanwhile).
	 */
	@Transactional
	public void processStarted(long deploymentId, String machineName, MachineProcessVersion version) {
		this.repository.setProcessVersion(deploymentId, machineName, version);
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
			DeploymentTarget partTarget = this.repository.target(part.deploymentId(), machineName)
				.orElseThrow(() -> new DeploymentNotFoundException(part.deploymentId()));
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

}
