/**
 * Discovery's probes: the orchestrator's
 * {@link parc.orchestrator.discovery.AddressProber} port on the agentless adapter's
 * scanner.
 */
package parc.routes.discovery;
