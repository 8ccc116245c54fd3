package parc.routes.deployment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import parc.agentlessadapter.ssh.SshException;
import parc.agentlessadapter.ssh.SshStep;
import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.LogLine;
import parc.orchestrator.deployment.PhaseOutcome;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;
import parc.orchestrator.deployment.PhaseWork;

/**
 * Does a phase's work on its machine with the kind of work the phase names, and turns
 * what goes wrong into a result: a machine that cannot be reached is UNREACHABLE (tried
 * again after the delay), anything else FAILED, with the reason in the machine's log.
 */
@Component
class MachinePhaseWork implements PhaseWorkRunner {

	private final Map<DeploymentPhase, PhaseKind> kinds;

	private final AgentInventoryWait agentInventory;

	private final PhaseLog log;

	/** What each worker thread does now, so that a stop can interrupt it. */
	private final Map<Thread, PhaseWork> running = new ConcurrentHashMap<>();

	MachinePhaseWork(List<PhaseKind> kinds, AgentInventoryWait agentInventory, PhaseLog log) {
		this.kinds = kinds.stream().collect(Collectors.toMap(PhaseKind::phase, Function.identity()));
		this.agentInventory = agentInventory;
		this.log = log;
	}

	@Override
	public PhaseResult run(PhaseTask task) {
		PhaseWork work = task.work();
		this.running.put(Thread.currentThread(), work);
		try {
			if (this.agentInventory.applies(work)) {
				return this.agentInventory.hold(task);
			}
			PhaseKind kind = this.kinds.get(work.phase());
			if (kind == null) {
				throw new IllegalStateException("No work is done by Parc for the " + work.phase() + " phase");
			}
			return kind.run(task);
		}
		catch (SshException ex) {
			this.log.write(work, LogLine.Kind.ERROR, ex.getMessage());
			return PhaseResult.of((ex.step() == SshStep.CONNECT) ? PhaseOutcome.UNREACHABLE : PhaseOutcome.FAILED,
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			String detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			this.log.write(work, LogLine.Kind.ERROR, detail);
			return PhaseResult.of(PhaseOutcome.FAILED, detail);
		}
		finally {
			this.running.remove(Thread.currentThread());
			// An interrupt meant for this work must not reach the thread's next task.
			Thread.interrupted();
		}
	}

	@Override
	public void cancel(long deploymentId) {
		this.running.forEach((thread, work) -> {
			if (work.deploymentId() == deploymentId) {
				thread.interrupt();
			}
		});
	}

}
