/**
 * Deployments (issue #6, in progress): a package carried to machines through the phases
 * Wake-on-LAN, transfer, execute, delete, inventory and shutdown, inside the allowed time
 * windows, with retries. So far: the windows, the options, and the record of deployments,
 * their machines and logs.
 */
package parc.orchestrator.deployment;
