package parc.routes.deployment;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.DeploymentService;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.deployment.WakeOnLanMode;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;

/**
 * Wakes the machine unless, in the "only if unreachable" mode, it already answers; then
 * looks every {@link #CHECK_EVERY} whether SSH answers, for at most {@link #WAKE_WAIT} or
 * until the window closes. Between two looks the machine waits on the phase's BPMN timer,
 * holding no worker and no slot.
 */
@Component
class WakeWork implements PhaseKind {

	/** How long a woken machine gets to answer SSH. */
	static final Duration WAKE_WAIT = Duration.ofMinutes(5);

	static final Duration CHECK_EVERY = Duration.ofSeconds(10);

	private final DeploymentService deployments;

	private final MachineService machines;

	private final AgentlessService agentless;

	private final PhaseLog log;

	WakeWork(DeploymentService deployments, MachineService machines, AgentlessService agentless, PhaseLog log) {
		this.deployments = deployments;
		this.machines = machines;
		this.agentless = agentless;
		this.log = log;
	}

	@Override
	public DeploymentPhase phase() {
		return DeploymentPhase.WOL;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		Instant now = Instant.now();
		if (task.wakeUntil() != null) {
			return check(work, task.wakeUntil(), now);
		}
		Machine machine = this.machines.get(work.machineId());
		WakeOnLanMode mode = this.deployments.header(work.deploymentId()).options().wol();
		if (mode == WakeOnLanMode.IF_UNREACHABLE && answers(machine.id())) {
			this.log.write(work, LogLine.Kind.INFO, "the machine answers over SSH: no Wake-on-LAN needed");
			return PhaseResult.done();
		}
		if (machine.macAddresses().isEmpty()) {
			return PhaseResult.of(PhaseOutcome.FAILED, "no MAC address to wake the machine with");
		}
		this.log.write(work, LogLine.Kind.COMMAND, "wake-on-lan " + String.join(" ", machine.macAddresses()));
		this.agentless.wake(machine.id());
		Instant until = now.plus(WAKE_WAIT);
		if (work.deadline() != null && work.deadline().isBefore(until)) {
			until = work.deadline();
		}
		return waitFor(until, now);
	}

	private PhaseResult check(PhaseWork work, Instant until, Instant now) {
		if (answers(work.machineId())) {
			this.log.write(work, LogLine.Kind.INFO, "the machine answers over SSH");
			return PhaseResult.done();
		}
		if (!now.isBefore(until)) {
			this.log.write(work, LogLine.Kind.ERROR, "the machine did not answer over SSH after Wake-on-LAN");
			return PhaseResult.of(PhaseOutcome.UNREACHABLE, "no answer over SSH after Wake-on-LAN");
		}
		return waitFor(until, now);
	}

	private static PhaseResult waitFor(Instant until, Instant now) {
		Instant next = now.plus(CHECK_EVERY);
		return PhaseResult.wakeWaiting(next.isBefore(until) ? next : until, until);
	}

	private boolean answers(long machineId) {
		return this.agentless.probe(machineId).light() == StatusLight.GREEN;
	}

}
