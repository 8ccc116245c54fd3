/**
 * The machine registry: every machine Parc knows, how to reach it (agentless over SSH or
 * through an OCS agent), its MAC addresses for Wake-on-LAN, free tags and notes. Later
 * features (inventory, deployments, groups) refer to machines by id through
 * {@link parc.orchestrator.machine.MachineService}.
 */
package parc.orchestrator.machine;
