/**
 * The delete phase of a deployment ({@code delete-package-files.bpmn}); its delegates are
 * shared.
 */
package parc.processes.deletepackagefiles;
