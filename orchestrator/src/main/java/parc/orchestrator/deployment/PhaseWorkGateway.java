package parc.orchestrator.deployment;

/**
 * Port: do a phase's work on a machine, away from the engine's threads. Implemented in
 * {@code routes} on a bounded pool; returns at once, and the outcome comes back later
 * through {@link PhaseResultService#report}.
 */
public interface PhaseWorkGateway {

	void start(PhaseWork work);

	/**
	 * Interrupts the deployment's work in progress: it was stopped, nobody waits for the
	 * outcome.
	 */
	default void cancel(long deploymentId) {
	}

}
