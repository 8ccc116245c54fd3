package parc.orchestrator.processdesign;

import java.io.Serializable;

/**
 * Why a process version was refused, on which element.
 *
 * @param elementId the BPMN element's id, or null for the file as a whole
 * @param reason what is wrong, in a designer's words
 */
// Serializable: a refused upload's problems are flashed through the console session, kept
// in PostgreSQL.
public record ProcessProblem(String elementId, String reason) implements Serializable {

}
