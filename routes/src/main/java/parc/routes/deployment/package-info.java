/**
 * The deployment phases' work: {@code CamelPhaseWorkGateway} queues it on
 * {@code seda:deployment-phase}, whose bounded consumers run it with the SSH adapter and
 * report the outcome back to the waiting process.
 */
package parc.routes.deployment;
