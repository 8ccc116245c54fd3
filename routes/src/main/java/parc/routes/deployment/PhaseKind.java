package parc.routes.deployment;

import parc.orchestrator.deployment.DeploymentPhase;
import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;

/**
 * One kind of work a phase hands to a machine. It logs what it does and returns how it
 * ended; an exception is a failed attempt ({@link MachinePhaseWork} turns it into one).
 */
interface PhaseKind {

	DeploymentPhase phase();

	PhaseResult run(PhaseTask task);

}
