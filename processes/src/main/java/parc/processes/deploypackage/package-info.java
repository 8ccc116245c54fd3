/**
 * The {@code deploy-package} process: one package on one machine, its phases in the order
 * the BPMN draws them.
 */
package parc.processes.deploypackage;
