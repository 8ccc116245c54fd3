/**
 * Process design: the versions of the BPMN processes Parc runs (shipped with Parc, or
 * deployed by a designer from the console, Camunda Modeler or the watched folder), the
 * checks a version passes before the engine accepts it, which beans a process may name,
 * roll-back to an earlier version and the comparison of a version with the shipped one.
 */
package parc.orchestrator.processdesign;
