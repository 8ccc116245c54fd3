package parc.orchestrator.deployment;

/**
 * The process version a machine of a deployment runs or ran: the one in use when its
 * process started, kept whatever a designer deploys afterwards.
 *
 * @param definitionId the engine's process definition id
 * @param key the process key ({@code deploy-package})
 * @param version the version number
 */
public record MachineProcessVersion(String definitionId, String key, int version) {

}
