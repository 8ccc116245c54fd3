/**
 * The Processes page and {@code /api/processes}: the processes Parc runs, their versions,
 * diagrams and BPMN, upload of a new version, roll-back, comparison with the shipped
 * version, and Parc's element templates for Camunda Modeler.
 */
package parc.ui.processdesign;
