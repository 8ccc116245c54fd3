package parc.agentlessadapter.ssh;

/** The step of an SSH unit of work that failed, carried by {@link SshException}. */
public enum SshStep {

	/** TCP connection and SSH protocol negotiation. */
	CONNECT,

	/** The server's host key did not pass the host-key policy. */
	HOST_KEY,

	/** The server refused the key or password. */
	AUTH,

	/** A file transfer or checksum verification. */
	TRANSFER,

	/** A remote command could not be started or did not finish. */
	COMMAND

}
