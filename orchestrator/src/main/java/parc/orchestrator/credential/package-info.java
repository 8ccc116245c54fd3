/**
 * The credentials vault: SSH private keys and passwords that Parc uses to reach agentless
 * machines. Secrets are stored AES-GCM-encrypted under a master key kept in the data
 * folder, outside the database; they are never given back by the service's public reads,
 * only replaced. The agentless adapter decrypts them through
 * {@link parc.orchestrator.credential.CredentialService#secretOf(long)}.
 */
package parc.orchestrator.credential;
