package parc.routes.deployment;

import parc.orchestrator.deployment.PhaseResult;
import parc.orchestrator.deployment.PhaseTask;

/**
 * Does a phase task's work. Parc's own ({@link MachinePhaseWork}) works on the machine;
 * the engine-ceiling benchmark puts one in its place that does nothing.
 */
public interface PhaseWorkRunner {

	/**
	 * @return how the work ended, or null when the task stays held until someone else
	 * completes it (an OCS agent's inventory)
	 */
	PhaseResult run(PhaseTask task);

	/** Interrupts the deployment's work in progress: it was stopped. */
	default void cancel(long deploymentId) {
	}

}
