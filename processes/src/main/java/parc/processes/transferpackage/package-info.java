/**
 * The transfer phase of a deployment ({@code transfer-package.bpmn}); its delegates are
 * shared.
 */
package parc.processes.transferpackage;
