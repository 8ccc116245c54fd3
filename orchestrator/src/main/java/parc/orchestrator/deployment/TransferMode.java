package parc.orchestrator.deployment;

/** How files reach the machine. The names are part of {@code POST /api/deployments}. */
public enum TransferMode {

	/** Parc sends them over SFTP (SCP when the server has no SFTP). */
	PUSH,

	/** The machine downloads them from Parc with curl or wget (Pulse 2's push/pull). */
	PUSH_PULL

}
