/**
 * Deployments (issue #6): a package or a bundle carried to machines through the phases
 * Wake-on-LAN, transfer, execute, delete, inventory and shutdown, inside the allowed time
 * windows, with retries, pause, stop and a cap on machines worked on at once. Here: the
 * options and windows, the record of deployments, their machines, phases and logs, the
 * launch and control of their processes
 * ({@link parc.orchestrator.deployment.DeploymentRuns}) and the port the phase work goes
 * through ({@link parc.orchestrator.deployment.PhaseWorkGateway}).
 */
package parc.orchestrator.deployment;
