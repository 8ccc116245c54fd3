/**
 * The execute phase of a deployment ({@code run-install-command.bpmn}); its delegates are
 * shared.
 */
package parc.processes.runinstallcommand;
