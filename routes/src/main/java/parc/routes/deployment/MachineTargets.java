package parc.routes.deployment;

import org.springframework.stereotype.Component;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.RemoteTarget;
import parc.orchestrator.deployment.PhaseWork;
import parc.orchestrator.machine.MachineService;

/**
 * Where and as whom a phase's work logs in on its machine, read just before use (the
 * credential is never kept).
 */
@Component
class MachineTargets {

	private final MachineService machines;

	private final AgentlessService agentless;

	MachineTargets(MachineService machines, AgentlessService agentless) {
		this.machines = machines;
		this.agentless = agentless;
	}

	RemoteTarget of(PhaseWork work) {
		return this.agentless.target(this.machines.get(work.machineId()));
	}

}
