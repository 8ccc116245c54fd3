package parc.agentlessadapter.ssh;

/** How files crossed: SFTP first, SCP when the server offers no SFTP subsystem. */
public enum TransferProtocol {

	SFTP, SCP

}
