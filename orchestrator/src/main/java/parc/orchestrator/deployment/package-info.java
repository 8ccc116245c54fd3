/**
 * Deployments (issue #6, in progress): a package carried to machines through the phases
 * Wake-on-LAN, transfer, execute, delete, inventory and shutdown, inside the allowed time
 * windows, with retries. So far: the deployment windows.
 */
package parc.orchestrator.deployment;
