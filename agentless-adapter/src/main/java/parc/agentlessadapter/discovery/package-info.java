/**
 * Probing one address for discovery: ICMP echo (the JDK's, as the status lights use),
 * non-blocking TCP connects to a list of ports, reverse DNS, the SSH banner, and the MAC
 * address from the kernel's neighbour table.
 */
package parc.agentlessadapter.discovery;
