package parc.orchestrator.credential;

import java.time.Instant;

/**
 * A stored credential as anyone may see it: never its secret. The JSON names are a public
 * contract of {@code /api/credentials}.
 *
 * @param id Parc's identifier
 * @param name unique name (case-insensitive)
 * @param type key or password
 * @param username the login it is for, or null when each machine names its own
 * @param keyType for a key, its SSH type ({@code ssh-ed25519}...); null for a password
 * @param fingerprint for a key, the SHA-256 fingerprint of its public half, as
 * {@code ssh-keygen -l} shows it; null for a password
 * @param createdAt when it was stored
 * @param updatedAt when it last changed
 */
public record Credential(long id, String name, CredentialType type, String username, String keyType, String fingerprint,
		Instant createdAt, Instant updatedAt) {

}
