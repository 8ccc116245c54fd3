package parc.orchestrator.deployment;

import java.time.Instant;

/**
 * One attempt of one phase on one machine, handed to the {@link PhaseWorkGateway}.
 *
 * @param runId identifies this attempt; the result is reported with it
 * @param deploymentId the deployment
 * @param machineName the machine, as named in the deployment
 * @param machineId the machine's identifier
 * @param phase what to do
 * @param deadline when the work must stop (the window's end or the end date), or null
 * @param attempt 1 for the first attempt
 */
public record PhaseWork(String runId, long deploymentId, String machineName, long machineId, DeploymentPhase phase,
		Instant deadline, int attempt) {

}
