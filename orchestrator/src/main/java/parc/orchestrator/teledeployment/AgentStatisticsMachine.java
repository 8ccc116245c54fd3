package parc.orchestrator.teledeployment;

import java.time.Instant;

/**
 * One machine behind a statistics count. The JSON names are a public contract of
 * {@code GET /api/packages/{id}/agent-statistics/machines}.
 *
 * @param machineId the machine
 * @param machineName its name in the deployment
 * @param deploymentId the deployment that offered it the package
 * @param state the state or the agent's code, as in the counts
 * @param at when it last changed (offered, notified or reported)
 */
public record AgentStatisticsMachine(long machineId, String machineName, long deploymentId, String state, Instant at) {

}
