/**
 * Reachability probes: does the machine answer a ping, does its SSH server answer, and
 * the status light Pulse 2 drew from the two.
 */
package parc.agentlessadapter.probe;
