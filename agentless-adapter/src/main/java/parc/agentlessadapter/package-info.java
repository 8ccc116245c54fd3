/**
 * Agentless access to machines on Apache MINA SSHD: sessions, SFTP/SCP transfers, remote
 * commands, Wake-on-LAN and reachability probes. MINA types never leave this library.
 * Built by the agentless-targets issue.
 */
package parc.agentlessadapter;
