/**
 * Thin BPMN delegates, one package per process key. Delegates call the orchestrator's
 * ports and services only; the BPMN files themselves are in
 * {@code src/main/resources/bpmn/}.
 */
package parc.processes;
