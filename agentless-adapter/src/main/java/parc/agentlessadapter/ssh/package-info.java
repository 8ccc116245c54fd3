/**
 * SSH access to one machine: {@link parc.agentlessadapter.ssh.SshConnector} holds the
 * application's one MINA client and opens a
 * {@link parc.agentlessadapter.ssh.RemoteSession} per unit of work, which runs commands,
 * pushes folders, downloads on the target, pulls a file and deletes its working
 * directory. Server host keys are always checked against a
 * {@link parc.agentlessadapter.ssh.HostKeyStore}; failures are
 * {@link parc.agentlessadapter.ssh.SshException}s naming the host, user and step.
 */
package parc.agentlessadapter.ssh;
