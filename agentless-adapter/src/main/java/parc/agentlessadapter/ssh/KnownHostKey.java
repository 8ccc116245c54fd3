package parc.agentlessadapter.ssh;

/**
 * A server host key Parc has recorded for a host and port.
 *
 * @param host as Parc addresses the machine
 * @param port SSH port
 * @param keyType the SSH key type name, {@code ssh-ed25519} for example
 * @param fingerprint OpenSSH's SHA-256 form, {@code SHA256:} then unpadded base 64
 * @param trusted false while the key waits for an administrator's approval
 */
public record KnownHostKey(String host, int port, String keyType, String fingerprint, boolean trusted) {

}
