/**
 * The requests the agent endpoint refused: kept grouped by source, agent and reason, so
 * that an administrator finds an agent Parc does not understand before it is missed.
 */
package parc.orchestrator.agent.refusal;
