/**
 * Wake-on-LAN: the magic packet and the UDP sender that broadcasts it.
 */
package parc.agentlessadapter.wol;
