/**
 * The OCS agent endpoint, {@code POST /ocsinventory}: a Camel route that hands each
 * request to {@link parc.routes.agent.AgentRequestHandler}, which checks who is calling
 * and what they sent, decodes it with the {@code ocs-agent} library and answers from the
 * orchestrator's agent and inventory services.
 */
package parc.routes.agent;
