/**
 * The {@code deploy-bundle} process: a bundle's packages on one machine, level by level.
 */
package parc.processes.deploybundle;
