/**
 * The watched folder of process versions: BPMN files dropped into
 * {@code <data-dir>/processes/} are deployed through the same checks as the console's and
 * Camunda Modeler's.
 */
package parc.routes.processdesign;
