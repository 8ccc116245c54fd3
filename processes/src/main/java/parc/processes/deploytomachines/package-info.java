/**
 * The {@code deploy-to-machines} process: a deployment's fan-out, one machine process per
 * machine.
 */
package parc.processes.deploytomachines;
