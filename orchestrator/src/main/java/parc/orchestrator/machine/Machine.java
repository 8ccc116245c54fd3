package parc.orchestrator.machine;

import java.time.Instant;
import java.util.List;

/**
 * A machine in the registry. The JSON names of this record are a public contract of
 * {@code /api/machines}.
 *
 * @param id Parc's identifier
 * @param name unique name (case-insensitive)
 * @param address host name or IP address Parc uses to reach it
 * @param macAddresses MAC addresses, normalised to {@code AA:BB:CC:DD:EE:FF}
 * @param osFamily operating system family
 * @param channel how Parc reaches it
 * @param sshPort SSH port, for {@link Channel#AGENTLESS_SSH}; null otherwise
 * @param sshUser SSH user, for {@link Channel#AGENTLESS_SSH}; may be null
 * @param credentialId credential used for SSH (the vault comes with the agentless issue);
 * may be null
 * @param tags free labels, sorted, without duplicates
 * @param notes free text
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param version increases at every change; send it back with an update to refuse
 * overwriting a newer change
 */
public record Machine(long id, String name, String address, List<String> macAddresses, OsFamily osFamily,
		Channel channel, Integer sshPort, String sshUser, Long credentialId, List<String> tags, String notes,
		Instant createdAt, Instant updatedAt, int version) {

}
