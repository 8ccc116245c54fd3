/**
 * What Parc does itself to agentless machines over SSH: status lights (probe and cache),
 * inventory collections on demand, Wake-on-LAN, and the settings of those. The network
 * work goes through the {@link parc.orchestrator.agentless.AgentlessGateway} port, which
 * {@code routes} implements with the SSH adapter.
 */
package parc.orchestrator.agentless;
