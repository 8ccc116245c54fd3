/**
 * The Wake-on-LAN phase of a deployment ({@code wake-machine.bpmn}); its delegates are
 * shared.
 */
package parc.processes.wakemachine;
