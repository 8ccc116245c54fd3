package parc.orchestrator.agentless;

import java.time.Instant;

/**
 * A file fetched from a machine.
 *
 * @param remoteName its name on the machine, as data
 * @param size bytes received
 * @param modifiedAt its modification time there, or null
 */
public record PulledFileOutcome(String remoteName, long size, Instant modifiedAt) {

}
