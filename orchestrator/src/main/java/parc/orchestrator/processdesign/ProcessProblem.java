package parc.orchestrator.processdesign;

/**
 * Why a process version was refused, on which element.
 *
 * @param elementId the BPMN element's id, or null for the file as a whole
 * @param reason what is wrong, in a designer's words
 */
public record ProcessProblem(String elementId, String reason) {

}
